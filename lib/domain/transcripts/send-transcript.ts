import { and, eq } from 'drizzle-orm';
import { accounts, contacts, conversations, users } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx, MailStatus, OutgoingMail } from '../context';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { DomainError } from '../errors';
import { customerVisibleMessages } from '../messages/customer-visible-messages';
import { signAttachmentLink } from '../attachments/signed-link';
import { renderTranscript } from './render-transcript';
import { ZSendTranscriptInput, ZTranscriptEmail, type TSendTranscriptInput } from './schemas';

// Where attachment links point; APP_URL is the address customers reach the app at.
export const appUrl = (): string => (process.env.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

// Attachment links in a transcript work for 30 days without signing in (signed with AUTH_SECRET).
const LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const linkSecret = (): string => process.env.AUTH_SECRET || 'bandeja-development-secret';

// C4: emails the conversation's customer-visible history (no private notes, no activity) to the
// contact (only when they have an email), to the assigned agent, or to another valid address, in
// the account's language. Every mail is recorded in the outbox and sent through Resend when a key
// is set; the result says which (`failed` can be retried with retryMail by its sender). As in
// Chatwoot, sending a transcript writes no activity message.
export const sendTranscript = async (ctx: Ctx, input: TSendTranscriptInput): Promise<{ outboxId: number; status: MailStatus }> => {
  const { conversationId, to } = parseActionInput(ZSendTranscriptInput, input);
  const [row] = await ctx.db
    .select({
      displayId: conversations.displayId,
      accountName: accounts.name,
      locale: accounts.locale,
      timeZone: accounts.timeZone,
      contactName: contacts.name,
      contactEmail: contacts.email,
      assigneeEmail: users.email,
    })
    .from(conversations)
    .innerJoin(accounts, eq(accounts.id, conversations.accountId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, eq(users.id, conversations.assigneeId))
    .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

  let recipient: string;
  if (to === 'contact') {
    if (!row.contactEmail) throw new DomainError('INVALID_INPUT', { field: 'to', reason: 'no_contact_email' });
    // Stored addresses pass the same check as typed ones: nothing unchecked reaches a mail header.
    const checked = ZTranscriptEmail.safeParse(row.contactEmail);
    if (!checked.success) throw new DomainError('INVALID_INPUT', { field: 'to', reason: 'no_contact_email' });
    recipient = checked.data;
  } else if (to === 'assignee') {
    if (!row.assigneeEmail) throw new DomainError('INVALID_INPUT', { field: 'to', reason: 'no_assignee' });
    recipient = row.assigneeEmail;
  } else {
    recipient = to.email;
  }

  const transcript = renderTranscript({
    displayId: row.displayId,
    accountName: row.accountName,
    contactName: row.contactName,
    locale: row.locale,
    timeZone: row.timeZone,
    attachmentUrl: (attachmentId) =>
      signAttachmentLink({ appUrl: appUrl(), attachmentId, expiresAt: new Date(ctx.now().getTime() + LINK_LIFETIME_MS), secret: linkSecret() }),
    messages: await customerVisibleMessages(ctx.db, conversationId),
  });
  const mail: OutgoingMail = {
    accountId: ctx.actor.accountId,
    kind: 'transcript',
    to: [recipient],
    ...transcript,
    sentByUserId: ctx.actor.userId,
  };
  return ctx.mailer.send(ctx, mail);
};
