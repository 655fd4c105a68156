import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { contacts, conversations, inboxes, messages, users } from '@/db/schema';
import type { Ctx, SystemCtx } from '../context';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit } from '../events/publish';
import { enqueueMessageWebhooks } from '../webhooks/enqueue-webhooks';
import { nudgeDeliveries } from '../sweeps/nudge-deliveries';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const domainOf = (address: string | undefined) => address?.split('@')[1]?.replace(/>.*$/, '') || 'bandeja.local';

// "Name" <address> with the name's quotes and line breaks removed (no header injection).
const mailbox = (name: string, address: string) => `"${name.replace(/["\\\r\n]/g, '').trim()}" <${address}>`;

// W1 in an email inbox: the agent's public reply is mailed to the contact through ctx.mailer (always
// an outbox row; Resend when configured), From "Agent Name <inbox address>", with a Message-ID of its
// own (stored as the message's source id, so the customer's answer threads back) and In-Reply-To /
// References naming the conversation's earlier mails. The message row is claimed first (source id
// set where it was null), so a retried or concurrent call sends it once. Its status becomes `sent`
// only when the mail provider accepted the mail; `failed` with the reason; or, with no provider
// configured (the mail is only stored in the outbox), it stays `sending` with
// `content_attributes.emailOutbox` set, which the chat explains to administrators. Published as
// message.updated (and the message_updated webhook). Does nothing for other inboxes, notes, or
// contacts without an email address.
export const sendEmailReply = async (ctx: Ctx | SystemCtx, messageId: number): Promise<'sent' | 'sending' | 'failed' | null> => {
  const [row] = await ctx.db
    .select({
      message: { id: messages.id, content: messages.content, conversationId: messages.conversationId, senderId: messages.senderId, senderType: messages.senderType },
      conversation: { id: conversations.id, accountId: conversations.accountId, inboxId: conversations.inboxId, displayId: conversations.displayId },
      inbox: { channelType: inboxes.channelType, settings: inboxes.channelSettings, name: inboxes.name },
      contactEmail: contacts.email,
      agentName: users.name,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(inboxes, eq(inboxes.id, messages.inboxId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, and(eq(messages.senderType, 'agent'), eq(users.id, messages.senderId)))
    .where(and(eq(messages.id, messageId), eq(messages.messageType, 'outgoing'), eq(messages.private, false), isNull(messages.sourceId)));
  if (!row || row.inbox.channelType !== 'email' || !row.contactEmail) return null;

  const inboxAddress = row.inbox.settings.emailAddress;
  const mailId = `<${crypto.randomUUID()}@${domainOf(inboxAddress)}>`;
  const [claimed] = await ctx.db
    .update(messages)
    .set({ sourceId: mailId, status: 'sending' })
    .where(and(eq(messages.id, messageId), isNull(messages.sourceId)))
    .returning({ id: messages.id });
  if (!claimed) return null;

  // The thread: every earlier mail of the conversation, oldest first; the subject of the first.
  const earlier = await ctx.db
    .select({ sourceId: messages.sourceId, attributes: messages.contentAttributes })
    .from(messages)
    .where(and(eq(messages.conversationId, row.conversation.id), isNotNull(messages.sourceId), sql`${messages.id} <> ${messageId}`))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const threadIds = earlier.map((mail) => mail.sourceId as string).filter((id) => id.startsWith('<'));
  const firstSubject = earlier.find((mail) => mail.attributes.email?.subject)?.attributes.email?.subject;
  const subject = firstSubject ? (/^re:/i.test(firstSubject) ? firstSubject : `Re: ${firstSubject}`) : `${row.inbox.name} #${row.conversation.displayId}`;
  const text = row.message.content ?? '';
  const headers: Record<string, string> = { 'Message-ID': mailId };
  if (threadIds.length) {
    headers['In-Reply-To'] = threadIds[threadIds.length - 1];
    headers.References = threadIds.slice(-20).join(' ');
  }

  let status: 'sent' | 'sending' | 'failed' = 'sent';
  let error: string | null = null;
  try {
    const result = await ctx.mailer.send(
      { db: ctx.db },
      {
        accountId: row.conversation.accountId,
        sentByUserId: row.message.senderType === 'agent' ? row.message.senderId : null,
        kind: 'reply',
        ...(inboxAddress ? { from: mailbox(row.agentName ?? row.inbox.name, inboxAddress) } : {}),
        to: [row.contactEmail],
        subject,
        text,
        html: `<div>${escapeHtml(text).replace(/\n/g, '<br>')}</div>`,
        headers,
      },
    );
    if (result.status === 'failed') [status, error] = ['failed', 'mail_failed'];
    if (result.status === 'stored') status = 'sending';
  } catch (cause) {
    [status, error] = ['failed', cause instanceof Error ? cause.message : String(cause)];
  }
  const at = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(messages)
      .set({
        status,
        updatedAt: at,
        ...(error || status === 'sending'
          ? { contentAttributes: sql`${messages.contentAttributes} || ${JSON.stringify(error ? { deliveryError: error.slice(0, 300) } : { emailOutbox: true })}::jsonb` }
          : {}),
      })
      .where(eq(messages.id, messageId));
    await enqueueMessageWebhooks(tx, [messageId], { event: 'message_updated', at, accountIds: [row.conversation.accountId] });
  });
  nudgeDeliveries();
  await publishAfterCommit(ctx, [
    { channel: inboxChannel(row.conversation), event: 'message.updated', data: { conversationId: row.conversation.id, messageId, status } },
  ]);
  return status;
};
