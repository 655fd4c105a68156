import {
  attachments,
  conversationLabels,
  conversationParticipants,
  conversationReads,
  conversations,
  mentions,
  messages,
  notifications,
  type NewMessage,
} from '../schema';
import type { Tx } from '../client';
import { activityAttributes, activitySentence } from './activities';
import { allocateIds, insertMany } from './bulk';
import { DEMO_USERS } from './catalog';
import type { WrittenContacts } from './contacts';
import type { ConversationPlan, DemoRefs, MessagePlan } from './types';

const senderOf = (message: MessagePlan, refs: DemoRefs, contactId: number): Pick<NewMessage, 'messageType' | 'senderType' | 'senderId'> => {
  switch (message.kind) {
    case 'incoming':
      return { messageType: 'incoming', senderType: 'contact', senderId: contactId };
    case 'agent':
    case 'note':
      return { messageType: 'outgoing', senderType: 'agent', senderId: refs.users[message.sender!] };
    case 'automation':
    case 'outside':
      return { messageType: 'outgoing', senderType: 'automation', senderId: null };
    case 'activity':
      return { messageType: 'activity', senderType: 'system', senderId: null };
  }
};

// Writes a batch of conversations with everything that hangs from them, a few statements per table.
export const writeConversations = async (tx: Tx, refs: DemoRefs, contacts: WrittenContacts, plans: ConversationPlan[]): Promise<void> => {
  const conversationIds = await allocateIds(tx, conversations, plans.length);
  const messageIds = await allocateIds(tx, messages, plans.reduce((sum, plan) => sum + plan.messages.length, 0));
  const rows = {
    conversations: [] as Array<typeof conversations.$inferInsert>,
    messages: [] as Array<typeof messages.$inferInsert>,
    attachments: [] as Array<typeof attachments.$inferInsert>,
    labels: [] as Array<typeof conversationLabels.$inferInsert>,
    participants: [] as Array<typeof conversationParticipants.$inferInsert>,
    mentions: [] as Array<typeof mentions.$inferInsert>,
    reads: [] as Array<typeof conversationReads.$inferInsert>,
    notifications: [] as Array<typeof notifications.$inferInsert>,
  };
  const { accountId } = refs;
  let nextMessage = 0;

  plans.forEach((plan, index) => {
    const conversationId = conversationIds[index]!;
    const contactId = contacts.ids[plan.contactIndex]!;
    const inboxId = refs.inboxes[plan.inbox];
    const ids = plan.messages.map(() => messageIds[nextMessage++]!);
    rows.conversations.push({
      id: conversationId,
      accountId,
      displayId: plan.displayId,
      inboxId,
      contactId,
      contactInboxId: contacts.contactInboxIds[plan.contactIndex]![plan.inbox] ?? null,
      status: plan.status,
      snoozedUntil: plan.snoozedUntil,
      priority: plan.priority,
      assigneeId: plan.assignee ? refs.users[plan.assignee] : null,
      teamId: plan.team ? refs.teams[plan.team] : null,
      customAttributes: plan.customAttributes,
      firstReplyAt: plan.firstReplyAt,
      waitingSince: plan.waitingSince,
      lastActivityAt: plan.lastActivityAt,
      contactLastSeenAt: plan.inbox === 'web' ? plan.lastActivityAt : null,
      createdAt: plan.createdAt,
      updatedAt: plan.lastActivityAt,
    });

    const latestMention = new Map<number, { messageId: number; at: Date }>();
    plan.messages.forEach((message, i) => {
      const contentAttributes: NonNullable<NewMessage['contentAttributes']> = {};
      const activity = message.activity ? activityAttributes(message.activity, refs) : null;
      if (activity) contentAttributes.activity = activity;
      if (message.mentions?.length) contentAttributes.mentionedUserIds = message.mentions.map((user) => refs.users[user]);
      if (message.email) contentAttributes.email = message.email;
      if (message.deliveryError) contentAttributes.deliveryError = message.deliveryError;
      rows.messages.push({
        id: ids[i]!,
        accountId,
        inboxId,
        conversationId,
        ...senderOf(message, refs, contactId),
        private: message.kind === 'note',
        sentOutsidePlatform: message.kind === 'outside',
        content: activity ? activitySentence(activity) : withMentionMarkup(message, refs),
        contentAttributes,
        status: message.status ?? 'sent',
        sourceId: message.sourceId ?? null,
        createdAt: message.at,
        updatedAt: message.at,
      });
      if (message.attachment) {
        const { fileName } = message.attachment;
        rows.attachments.push({
          accountId,
          messageId: ids[i]!,
          ...message.attachment,
          // A key of its own, as every upload has: deleting one message or contact deletes its file and
          // never another conversation's copy of the same demo picture.
          storageKey: `demo/${ids[i]}/${fileName}`,
          createdAt: message.at,
        });
      }
      for (const user of message.mentions ?? []) latestMention.set(refs.users[user], { messageId: ids[i]!, at: message.at });
    });

    const labelledAt = plan.messages.find((m) => m.activity?.action === 'labels_added')?.at ?? plan.createdAt;
    for (const label of plan.labels) rows.labels.push({ conversationId, labelId: refs.labels[label], createdAt: labelledAt });
    for (const user of plan.participants) rows.participants.push({ conversationId, userId: refs.users[user], createdAt: plan.createdAt });
    for (const [userId, mention] of latestMention) {
      rows.mentions.push({ accountId, userId, conversationId, messageId: mention.messageId, mentionedAt: mention.at });
    }
    for (const read of plan.reads) rows.reads.push({ conversationId, userId: refs.users[read.user], lastReadAt: read.at });
    for (const notification of plan.notifications) {
      const message = plan.messages[notification.messageIndex]!;
      rows.notifications.push({
        accountId,
        userId: refs.users[notification.user],
        type: notification.type,
        conversationId,
        messageId: ids[notification.messageIndex]!,
        actorId: notification.actor ? refs.users[notification.actor] : null,
        readAt: notification.readAt,
        createdAt: message.at,
      });
    }
  });

  await insertMany(tx, conversations, rows.conversations);
  await insertMany(tx, messages, rows.messages);
  await insertMany(tx, attachments, rows.attachments);
  await insertMany(tx, conversationLabels, rows.labels);
  await insertMany(tx, conversationParticipants, rows.participants);
  await insertMany(tx, mentions, rows.mentions);
  await insertMany(tx, conversationReads, rows.reads);
  await insertMany(tx, notifications, rows.notifications);
};

// A note's "@Laura Méndez" in the markup the composer writes (`@[Name](user:ID)`), so the chat
// highlights it like a mention made in the app.
const withMentionMarkup = (message: MessagePlan, refs: DemoRefs) =>
  (message.mentions ?? []).reduce(
    (content, user) => content?.split(`@${DEMO_USERS[user].name}`).join(`@[${DEMO_USERS[user].name}](user:${refs.users[user]})`) ?? null,
    message.content,
  );
