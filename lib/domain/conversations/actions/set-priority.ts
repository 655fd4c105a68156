import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { applyConversationChange } from './apply-conversation-change';
import { priorityChange } from './changes/priority-change';
import { parseActionInput } from './parse-action-input';
import { ZId, ZPriority } from './schemas';

export const ZSetPriorityInput = z.object({ conversationId: ZId, priority: ZPriority });
export type TSetPriorityInput = z.input<typeof ZSetPriorityInput>;

// X1: set the conversation's priority ('none' removes it).
export const setPriority = async (ctx: Ctx, input: TSetPriorityInput): Promise<Conversation> => {
  const { conversationId, priority } = parseActionInput(ZSetPriorityInput, input);
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change: priorityChange(priority) });
  return conversations[0];
};
