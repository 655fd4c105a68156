import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { conversations, inboxes, messages } from '@/db/schema';
import type { SystemCtx } from '../context';
import { DomainError } from '../errors';
import { receiveCustomerMessage, type InboundInbox, type ReceivedMessage } from '../channels/inbound/receive-customer-message';
import type { ParsedEmail } from './parse-email';

// A conversation's own reply address: reply+<conversation uuid>@<domain>.
const REPLY_ADDRESS = /^[^@+]+\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;

// The conversation an email continues: a message of this inbox whose Message-ID is the mail's
// In-Reply-To or one of its References (latest first), else a reply+<uuid>@ recipient; null: a new
// thread.
export const findEmailThread = async (db: SystemCtx['db'], inboxId: number, email: Pick<ParsedEmail, 'inReplyTo' | 'references' | 'to'>): Promise<number | null> => {
  const ids = [...new Set([email.inReplyTo, ...[...email.references].reverse()].filter((id): id is string => Boolean(id)))].slice(0, 50);
  if (ids.length) {
    const found = await db
      .select({ conversationId: messages.conversationId, sourceId: messages.sourceId })
      .from(messages)
      .where(and(eq(messages.inboxId, inboxId), inArray(messages.sourceId, ids)))
      .orderBy(desc(messages.createdAt));
    for (const id of ids) {
      const match = found.find((row) => row.sourceId === id);
      if (match) return match.conversationId;
    }
  }
  for (const address of email.to) {
    const uuid = REPLY_ADDRESS.exec(address)?.[1]?.toLowerCase();
    if (!uuid) continue;
    const [conversation] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.inboxId, inboxId), eq(conversations.uuid, uuid)));
    if (conversation) return conversation.id;
  }
  return null;
};

// Whether `address` is the address of one of the account's email inboxes (our own mail).
const isOwnAddress = async (db: SystemCtx['db'], accountId: number, address: string): Promise<boolean> => {
  const [own] = await db
    .select({ id: inboxes.id })
    .from(inboxes)
    .where(and(eq(inboxes.accountId, accountId), eq(inboxes.channelType, 'email'), sql`lower(${inboxes.channelSettings}->>'emailAddress') = ${address.toLowerCase()}`))
    .limit(1);
  return Boolean(own);
};

// An email to an email inbox: the sender is the contact (by address), the thread decides the
// conversation (findEmailThread; a mail that continues none starts a new conversation, as each new
// email does in a support mailbox), the Message-ID de-duplicates (the same mail delivered twice is
// one message), the text is the content and the sanitised HTML and headers are kept with it.
// Mail loops: an automatic mail (isAutoReply) From one of the account's own inbox addresses is our
// own mail coming back (an inbox forwarding to another, a bounce of a bounce): dropped, null, nothing
// stored. Other automatic mail (a customer's out-of-office answer to our reply) is stored as incoming,
// marked `content_attributes.email.autoReply`, so that nothing automatic ever answers it.
export const receiveEmail = async (ctx: SystemCtx, { inbox, email }: { inbox: InboundInbox; email: ParsedEmail }): Promise<ReceivedMessage | null> => {
  if (!email.from) throw new DomainError('INVALID_INPUT', { field: 'from' });
  if (!email.text && email.attachments.length === 0) throw new DomainError('INVALID_INPUT', { field: 'content' });
  if (email.autoReply && (await isOwnAddress(ctx.db, inbox.accountId, email.from.address))) return null;
  const conversationId = await findEmailThread(ctx.db, inbox.id, email);
  return receiveCustomerMessage(ctx, {
    inbox,
    contact: { sourceId: email.from.address, email: email.from.address, name: email.from.name || null },
    content: email.text || null,
    contentAttributes: {
      email: {
        messageId: email.messageId ?? undefined,
        inReplyTo: email.inReplyTo ?? undefined,
        references: email.references,
        subject: email.subject,
        ...(email.html ? { html: email.html } : {}),
        ...(email.autoReply ? { autoReply: true } : {}),
      },
    },
    attachments: email.attachments,
    sourceId: email.messageId,
    conversationId,
    newConversation: conversationId === null,
  });
};
