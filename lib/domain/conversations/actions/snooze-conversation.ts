import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { DomainError } from '../../errors';
import { applyConversationChange } from './apply-conversation-change';
import { snoozeChange } from './changes/snooze-change';
import { parseActionInput } from './parse-action-input';
import { ZId } from './schemas';

export const ZSnoozeConversationInput = z.object({ conversationId: ZId, until: z.coerce.date().nullable() });
export type TSnoozeConversationInput = z.input<typeof ZSnoozeConversationInput>;

// C2: snooze until a time ("hasta mañana", "hasta la próxima semana"; the UI computes it in the
// agent's zone) or, with until null, until the customer's next reply. The conversation reopens by
// itself then (the wake-up sweep and the inbound message path).
export const snoozeConversation = async (ctx: Ctx, input: TSnoozeConversationInput): Promise<Conversation> => {
  const { conversationId, until } = parseActionInput(ZSnoozeConversationInput, input);
  // A time already past would wake the conversation at once: surely a mistake (a stale form).
  if (until && until.getTime() <= ctx.now().getTime()) throw new DomainError('INVALID_INPUT', { field: 'until' });
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change: snoozeChange(until) });
  return conversations[0];
};
