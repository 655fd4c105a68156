import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { applyConversationChange } from './apply-conversation-change';
import { assigneeChange } from './changes/assignee-change';
import { parseActionInput } from './parse-action-input';
import { ZId } from './schemas';

export const ZAssignAgentInput = z.object({ conversationId: ZId, assigneeId: ZId.nullable() });
export type TAssignAgentInput = z.input<typeof ZAssignAgentInput>;

// X1: assign the conversation to an agent of its inbox (INVALID_INPUT otherwise), or unassign it
// with null. The assignee becomes a participant.
export const assignAgent = async (ctx: Ctx, input: TAssignAgentInput): Promise<Conversation> => {
  const { conversationId, assigneeId } = parseActionInput(ZAssignAgentInput, input);
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change: assigneeChange(assigneeId) });
  return conversations[0];
};
