import type { UserKey } from './catalog';
import type { ConversationSetup } from './conversation-setup';
import type { Rng } from './prng';
import type { ConversationPlan, MessagePlan } from './types';

const DAY = 86_400_000;

// The conversation's own columns follow from its messages, as the domain would have set them:
// firstReplyAt = the first public agent reply; waitingSince = the first customer message not yet
// answered (resolving clears it); lastActivityAt = the last message.
export const deriveConversation = (
  rng: Rng,
  setup: ConversationSetup,
  messages: MessagePlan[],
  ids: { displayId: number; contactIndex: number },
  now: Date,
): ConversationPlan => {
  let firstReplyAt: Date | null = null;
  let waitingSince: Date | null = null;
  let lastAgentReplyAt: Date | null = null;
  for (const message of messages) {
    if (message.kind === 'incoming') waitingSince ??= message.at;
    if (message.kind === 'agent') {
      firstReplyAt ??= message.at;
      lastAgentReplyAt = message.at;
      waitingSince = null;
    }
    if (message.activity?.action === 'status_changed' && message.activity.status === 'resolved') waitingSince = null;
  }
  const lastActivityAt = messages[messages.length - 1]!.at;

  // Delivery status of public replies: read once the customer answered after them.
  messages.forEach((message, index) => {
    if (message.kind !== 'agent' && message.kind !== 'automation' && message.kind !== 'outside') return;
    const answered = messages.slice(index + 1).some((m) => m.kind === 'incoming');
    message.status = setup.inbox === 'email' ? (answered ? 'delivered' : 'sent') : answered ? 'read' : 'delivered';
  });
  // Now and then an email reply bounces.
  const lastReply = messages.findLast((m) => m.kind === 'agent');
  if (setup.inbox === 'email' && lastReply && setup.status !== 'resolved' && rng.chance(0.08)) {
    lastReply.status = 'failed';
    lastReply.deliveryError = '550 5.1.1 El buzón del destinatario no existe o está lleno';
  }

  // Participants: the assignee, everyone who wrote, everyone mentioned.
  const participants = new Set<UserKey>();
  if (setup.assignee) participants.add(setup.assignee);
  for (const message of messages) {
    if (message.sender) participants.add(message.sender);
    for (const user of message.mentions ?? []) participants.add(user);
  }

  // Read state: the assignee has read up to their last reply when the customer wrote since, else all
  // of it (mostly); other participants and the administrator now and then.
  const reads: ConversationPlan['reads'] = [];
  const readAll = (user: UserKey) => reads.push({ user, at: lastActivityAt });
  for (const user of participants) {
    if (user === setup.assignee) {
      if (waitingSince && lastAgentReplyAt) reads.push({ user, at: lastAgentReplyAt });
      else if (!waitingSince && rng.chance(0.8)) readAll(user);
    } else if (rng.chance(0.5)) {
      readAll(user);
    }
  }
  if (!participants.has('laura') && rng.chance(0.25)) reads.push({ user: 'laura', at: messages[0]!.at });

  // Notifications: every mention, assignments by someone else during the last three days, and, for
  // the last day's customer messages, replies and notes, the conversation's participants at that
  // moment (P1: not the writer, not who was mentioned in it); read when the participant read past it.
  const notifications: ConversationPlan['notifications'] = [];
  const readAfter = (at: Date) => new Date(Math.min(now.getTime(), at.getTime() + rng.int(1, 120) * 60_000));
  const readUpTo = new Map(reads.map((read) => [read.user, read.at]));
  const participantsSoFar = new Set<UserKey>(setup.assignee ? [setup.assignee] : []);
  messages.forEach((message, messageIndex) => {
    const old = now.getTime() - message.at.getTime() > DAY;
    if (!old && (message.kind === 'incoming' || message.kind === 'agent' || message.kind === 'note')) {
      for (const user of participantsSoFar) {
        if (user === message.sender || message.mentions?.includes(user)) continue;
        const read = readUpTo.get(user);
        notifications.push({ user, type: 'participating_message', actor: message.sender ?? null, messageIndex, readAt: read && read >= message.at ? read : null });
      }
    }
    if (message.sender) participantsSoFar.add(message.sender);
    for (const user of message.mentions ?? []) participantsSoFar.add(user);
    for (const user of message.mentions ?? []) {
      notifications.push({ user, type: 'conversation_mention', actor: message.sender ?? null, messageIndex, readAt: old && rng.chance(0.7) ? readAfter(message.at) : null });
    }
    const activity = message.activity;
    if (activity?.action === 'assignee_changed' && activity.assignee && activity.actor !== activity.assignee && now.getTime() - message.at.getTime() < 3 * DAY) {
      notifications.push({ user: activity.assignee, type: 'conversation_assignment', actor: activity.actor, messageIndex, readAt: rng.chance(0.4) ? readAfter(message.at) : null });
    }
  });

  return {
    ...ids,
    inbox: setup.inbox,
    status: setup.status,
    snoozedUntil: setup.snoozedUntil,
    priority: setup.priority,
    assignee: setup.assignee,
    team: setup.team,
    labels: setup.labels,
    customAttributes: setup.customAttributes,
    createdAt: setup.createdAt,
    messages,
    firstReplyAt,
    waitingSince,
    lastActivityAt,
    participants: [...participants],
    reads,
    notifications,
  };
};
