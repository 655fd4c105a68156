import { z } from 'zod';
import type { Ctx } from '../context';
import { applyConversationChange } from '../conversations/actions/apply-conversation-change';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { ZId } from '../conversations/actions/schemas';
import { listParticipants, type Participant } from './list-participants';
import { participantChange } from './participant-change';

export const ZRemoveParticipantInput = z.object({ conversationId: ZId, userId: ZId });
export type TRemoveParticipantInput = z.input<typeof ZRemoveParticipantInput>;

// P1: removes an agent from the participants ("Carlos quitó a Sofía de los participantes"). The
// assignee stays a participant while assigned (INVALID_INPUT `userId`, reason `assignee`).
// Returns the participants after the change.
export const removeParticipant = async (ctx: Ctx, input: TRemoveParticipantInput): Promise<Participant[]> => {
  const { conversationId, userId } = parseActionInput(ZRemoveParticipantInput, input);
  await applyConversationChange(ctx, { conversationIds: [conversationId], change: participantChange({ userId, mode: 'remove' }) });
  return listParticipants(ctx, { conversationId });
};
