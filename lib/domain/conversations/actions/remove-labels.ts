import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { applyConversationChange } from './apply-conversation-change';
import { labelsChange } from './changes/labels-change';
import { loadConversationLabels, type ConversationLabel } from './load-conversation-labels';
import { parseActionInput } from './parse-action-input';
import { ZId, ZLabelIds } from './schemas';

export const ZRemoveLabelsInput = z.object({ conversationId: ZId, labelIds: ZLabelIds });
export type TRemoveLabelsInput = z.input<typeof ZRemoveLabelsInput>;

// X1: remove labels of the account from the conversation. Returns the conversation and the labels
// it keeps.
export const removeLabels = async (
  ctx: Ctx,
  input: TRemoveLabelsInput,
): Promise<{ conversation: Conversation; labels: ConversationLabel[] }> => {
  const { conversationId, labelIds } = parseActionInput(ZRemoveLabelsInput, input);
  const change = labelsChange({ labelIds, mode: 'remove' });
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change });
  return { conversation: conversations[0], labels: await loadConversationLabels(ctx.db, conversationId) };
};
