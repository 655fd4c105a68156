import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, conversations, messages } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { announceMessageToContact } from '../channels/api/contact-channel';
import { announceMessageToVisitor } from '../channels/widget/visitor-channel';
import { DomainError } from '../errors';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit } from '../events/publish';
import { nudgeDeliveries } from '../sweeps/nudge-deliveries';
import { enqueueMessageWebhooks } from '../webhooks/enqueue-webhooks';
import { ZDbId } from '../request-values';

// Chatwoot's text for a deleted message (its `conversations.messages.deleted`, in English as its API
// and webhooks carry it); the chat panel shows its own translation from `contentAttributes.deleted`.
export const DELETED_MESSAGE_CONTENT = 'This message was deleted';

export const ZDeleteMessageInput = z.object({ conversationId: ZDbId, messageId: ZDbId });
export type TDeleteMessageInput = z.input<typeof ZDeleteMessageInput>;

// Deletes a message the way Chatwoot does: the row stays (the conversation's history keeps its
// place) with content "This message was deleted", `contentAttributes.deleted = true` and no
// attachments; in one transaction with the message_updated webhook deliveries, then `message.updated`
// to the inbox's agents and, for a message the customer could see (not a private note), to the
// customer's side too (the API contact's pubsub channel, the widget visitor's channel, each in the
// payload it uses for new messages), and the files removed from storage. Any agent who may see the conversation
// may delete any of its messages but an activity line (the record of changes: INVALID_INPUT). A
// message the actor may not see is NOT_FOUND; deleting it again changes nothing.
// An email already sent cannot be unsent: only the app's copy changes.
export const deleteMessage = async (ctx: Ctx, input: TDeleteMessageInput): Promise<{ messageId: number }> => {
  const parsed = ZDeleteMessageInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: 'message' });
  const { conversationId, messageId } = parsed.data;
  const at = ctx.now();

  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: messages.id, messageType: messages.messageType, contentAttributes: messages.contentAttributes, accountId: conversations.accountId, inboxId: conversations.inboxId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.id, messageId), eq(messages.conversationId, conversationId), conversationScope(ctx.actor)))
      .for('update', { of: messages });
    if (!row) throw new DomainError('NOT_FOUND', { entity: 'message' });
    if (row.messageType === 'activity') throw new DomainError('INVALID_INPUT', { field: 'message_id', reason: 'activity' });
    if (row.contentAttributes.deleted === true) return { row, files: [], changed: false };
    // Only `deleted` is kept from the old attributes: an email's subject and HTML, mentions and
    // submitted values were part of what is deleted.
    await tx
      .update(messages)
      .set({ content: DELETED_MESSAGE_CONTENT, contentAttributes: { deleted: true }, updatedAt: at })
      .where(eq(messages.id, row.id));
    const files = await tx.delete(attachments).where(eq(attachments.messageId, row.id)).returning({ storageKey: attachments.storageKey });
    await enqueueMessageWebhooks(tx, [row.id], { event: 'message_updated', at, accountIds: [row.accountId] });
    return { row, files, changed: true };
  });

  if (outcome.changed) {
    const { row, files } = outcome;
    await publishAfterCommit(ctx, [{ channel: inboxChannel(row), event: 'message.updated', data: { conversationId, messageId } }]);
    // Each checks the message is customer-visible and of its channel; a failure is logged only.
    await announceMessageToContact(ctx, messageId, 'message.updated');
    await announceMessageToVisitor(ctx, messageId, 'message.updated');
    nudgeDeliveries();
    // A file whose delete fails is an orphan in storage: garbage, never a broken attachment.
    await Promise.all(files.map(({ storageKey }) => ctx.storage.delete(storageKey).catch((error: unknown) => console.error(`messages: deleting ${storageKey} failed`, error))));
  }
  return { messageId };
};
