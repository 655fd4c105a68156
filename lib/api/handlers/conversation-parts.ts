import { z } from 'zod';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { loadConversationLabels } from '@/lib/domain/conversations/actions/load-conversation-labels';
import { removeLabels } from '@/lib/domain/conversations/actions/remove-labels';
import { getConversation } from '@/lib/domain/conversations/get-conversation';
import { clearAttributeValue } from '@/lib/domain/custom-attributes/clear-attribute-value';
import { setAttributeValue } from '@/lib/domain/custom-attributes/set-attribute-value';
import { labelsByTitle } from '@/lib/domain/labels/labels-by-title';
import { addParticipant } from '@/lib/domain/participants/add-participant';
import { listParticipants, type Participant } from '@/lib/domain/participants/list-participants';
import { removeParticipant } from '@/lib/domain/participants/remove-participant';
import { inTransaction } from '@/lib/domain/transactions/in-transaction';
import { ZLabelsBody, type ApiCall } from '../api-call';
import { conversationIdOf } from '../conversation-payload';
import { ZDbId } from '@/lib/domain/request-values';

const labelTitles = async (call: ApiCall, conversationId: number) => {
  const labels = await loadConversationLabels(call.ctx.db, conversationId);
  return { payload: labels.map((label) => label.title) };
};

// GET …/labels: the conversation's label titles.
export const listConversationLabelsHandler = async (call: ApiCall) => {
  const conversationId = await conversationIdOf(call.ctx, call.params.conversationId);
  await getConversation(call.ctx, { conversationId });
  return labelTitles(call, conversationId);
};

// POST …/labels { labels: [titles] }: the conversation's labels become exactly these (Chatwoot
// replaces them), in one transaction with one activity message per change. A title the account has
// no label for is created (administrators; FORBIDDEN for agents, as in the label picker).
export const setConversationLabelsHandler = async (call: ApiCall) => {
  const { ctx } = call;
  const conversationId = await conversationIdOf(ctx, call.params.conversationId);
  const { labels: titles } = await call.body(ZLabelsBody);
  await inTransaction(ctx, async (txCtx) => {
    await getConversation(txCtx, { conversationId });
    const current = await loadConversationLabels(txCtx.db, conversationId);
    const wanted = await labelsByTitle(txCtx, titles);
    const wantedIds = new Set(wanted.map((label) => label.id));
    const currentIds = new Set(current.map((label) => label.id));
    const remove = current.filter((label) => !wantedIds.has(label.id)).map((label) => label.id);
    if (remove.length) await removeLabels(txCtx, { conversationId, labelIds: remove });
    const add = wanted.filter((label) => !currentIds.has(label.id)).map((label) => label.id);
    if (add.length) await addLabels(txCtx, { conversationId, labelIds: add });
  });
  return labelTitles(call, conversationId);
};

// POST …/custom_attributes { custom_attributes: { key: value } }: each key set (null clears it)
// through the attribute rules (A1: typed by the definition; an undefined key is NOT_FOUND), in one
// transaction.
export const setConversationAttributesHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { custom_attributes: values } = await body(z.object({ custom_attributes: z.record(z.string().max(100), z.unknown()) }));
  const attributes = await inTransaction(ctx, async (txCtx) => {
    let latest = (await getConversation(txCtx, { conversationId })).customAttributes;
    for (const [key, value] of Object.entries(values)) {
      const target = { model: 'conversation' as const, recordId: conversationId, key };
      latest = value === null || value === '' ? await clearAttributeValue(txCtx, target) : await setAttributeValue(txCtx, { ...target, value });
    }
    return latest;
  });
  return { custom_attributes: attributes };
};

const participantJson = (participant: Participant) => ({
  id: participant.userId,
  name: participant.name,
  available_name: participant.name,
  avatar_url: participant.avatarUrl ?? '',
  thumbnail: participant.avatarUrl ?? '',
  type: 'user',
});

// GET …/participants
export const listParticipantsHandler = async ({ ctx, params }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  return (await listParticipants(ctx, { conversationId })).map(participantJson);
};

const ZUserIds = z.object({ user_ids: z.array(ZDbId).min(1).max(50) });

// POST …/participants { user_ids }: adds them (P1), in one transaction.
export const addParticipantsHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { user_ids: userIds } = await body(ZUserIds);
  const participants = await inTransaction(ctx, async (txCtx) => {
    let latest: Participant[] = [];
    for (const userId of userIds) latest = await addParticipant(txCtx, { conversationId, userId });
    return latest;
  });
  return participants.map(participantJson);
};

// DELETE …/participants { user_ids }: removes them, in one transaction.
export const removeParticipantsHandler = async ({ ctx, params, body }: ApiCall) => {
  const conversationId = await conversationIdOf(ctx, params.conversationId);
  const { user_ids: userIds } = await body(ZUserIds);
  const participants = await inTransaction(ctx, async (txCtx) => {
    let latest: Participant[] = [];
    for (const userId of userIds) latest = await removeParticipant(txCtx, { conversationId, userId });
    return latest;
  });
  return participants.map(participantJson);
};
