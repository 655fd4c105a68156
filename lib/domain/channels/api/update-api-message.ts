import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { messages } from '@/db/schema';
import type { SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { inboxChannel } from '../../events/inbox-channel';
import { publishAfterCommit } from '../../events/publish';
import { enqueueMessageWebhooks } from '../../webhooks/enqueue-webhooks';
import { nudgeDeliveries } from '../../sweeps/nudge-deliveries';
import { messageJson } from './api-json';
import type { ApiContact, ApiInbox } from './api-inbox';
import { loadApiConversation } from './client-api';
import { isDbId } from '../../request-values';

const ZValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

// Chatwoot's public_message_update_payload: the customer's answers to a message (a bot's options,
// a form, a CSAT survey). Unknown keys are ignored.
export const ZApiMessageUpdateInput = z.object({
  submitted_values: z.union([
    z.array(z.record(z.string().max(100), ZValue)).max(50),
    z.object({
      name: z.string().max(255).optional(),
      title: z.string().max(255).optional(),
      value: z.string().max(1000).optional(),
      csat_survey_response: z.object({ feedback_message: z.string().max(10_000).optional(), rating: z.number().int().min(1).max(5).optional() }).optional(),
    }),
  ]),
});
export type TApiMessageUpdateInput = z.infer<typeof ZApiMessageUpdateInput>;

// PATCH messages/{id}: the contact submits values to a customer-visible message of their own
// conversation (stored in its content attributes as `submittedValues`); agents hear `message.updated`
// and webhooks `message_updated`. Any other message (a private note, an activity line, another
// conversation's) is NOT_FOUND.
export const updateApiMessage = async (ctx: SystemCtx, inbox: ApiInbox, contact: ApiContact, displayId: string, messageId: string, input: TApiMessageUpdateInput) => {
  const conversation = await loadApiConversation(ctx, inbox, contact, displayId);
  const id = Number(messageId);
  if (!isDbId(id)) throw new DomainError('NOT_FOUND', { entity: 'message' });
  const at = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: messages.id, contentAttributes: messages.contentAttributes })
      .from(messages)
      .where(and(eq(messages.id, id), eq(messages.conversationId, conversation.id), eq(messages.private, false), ne(messages.messageType, 'activity')))
      .for('update');
    if (!row) return null;
    await tx
      .update(messages)
      .set({ contentAttributes: { ...row.contentAttributes, submittedValues: input.submitted_values }, updatedAt: at })
      .where(eq(messages.id, row.id));
    await enqueueMessageWebhooks(tx, [row.id], { event: 'message_updated', at, accountIds: [inbox.accountId] });
    return row;
  });
  if (!updated) throw new DomainError('NOT_FOUND', { entity: 'message' });
  await publishAfterCommit(ctx, [{ channel: inboxChannel(conversation), event: 'message.updated', data: { conversationId: conversation.id, messageId: id } }]);
  nudgeDeliveries();
  return messageJson(ctx, conversation, id);
};
