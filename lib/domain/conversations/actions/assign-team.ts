import { z } from 'zod';
import type { Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { applyConversationChange } from './apply-conversation-change';
import { teamChange } from './changes/team-change';
import { parseActionInput } from './parse-action-input';
import { ZId } from './schemas';

export const ZAssignTeamInput = z.object({ conversationId: ZId, teamId: ZId.nullable() });
export type TAssignTeamInput = z.input<typeof ZAssignTeamInput>;

// X1: assign a team of the account (INVALID_INPUT otherwise), or remove it with null.
export const assignTeam = async (ctx: Ctx, input: TAssignTeamInput): Promise<Conversation> => {
  const { conversationId, teamId } = parseActionInput(ZAssignTeamInput, input);
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change: teamChange(teamId) });
  return conversations[0];
};
