import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { applyConversationChange } from './apply-conversation-change';
import { statusChange } from './changes/status-change';
import { parseActionInput } from './parse-action-input';
import { ZActionStatus, ZId } from './schemas';

export const ZChangeStatusInput = z.object({ conversationId: ZId, status: ZActionStatus });
export type TChangeStatusInput = z.input<typeof ZChangeStatusInput>;

// C2: open, resolve or mark a conversation pending (ends a snooze), with its activity message.
export const changeStatus = async (ctx: Ctx, input: TChangeStatusInput): Promise<Conversation> => {
  const { conversationId, status } = parseActionInput(ZChangeStatusInput, input);
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change: statusChange(status) });
  return conversations[0];
};
