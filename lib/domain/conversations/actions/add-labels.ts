import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { applyConversationChange } from './apply-conversation-change';
import { labelsChange } from './changes/labels-change';
import { loadConversationLabels, type ConversationLabel } from './load-conversation-labels';
import { parseActionInput } from './parse-action-input';
import { ZId, ZLabelIds } from './schemas';

export const ZAddLabelsInput = z.object({ conversationId: ZId, labelIds: ZLabelIds });
export type TAddLabelsInput = z.input<typeof ZAddLabelsInput>;

// X1: add labels of the account (INVALID_INPUT for any other id). Returns the conversation and all
// its labels after the change.
export const addLabels = async (
  ctx: Ctx,
  input: TAddLabelsInput,
): Promise<{ conversation: Conversation; labels: ConversationLabel[] }> => {
  const { conversationId, labelIds } = parseActionInput(ZAddLabelsInput, input);
  const change = labelsChange({ labelIds, mode: 'add' });
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change });
  return { conversation: conversations[0], labels: await loadConversationLabels(ctx.db, conversationId) };
};
