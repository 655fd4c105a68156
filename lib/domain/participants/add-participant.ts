import { z } from 'zod';
import type { Ctx } from '../context';
import { applyConversationChange } from '../conversations/actions/apply-conversation-change';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { ZId } from '../conversations/actions/schemas';
import { listParticipants, type Participant } from './list-participants';
import { participantChange } from './participant-change';

export const ZAddParticipantInput = z.object({ conversationId: ZId, userId: ZId });
export type TAddParticipantInput = z.input<typeof ZAddParticipantInput>;

// P1: adds an agent who may see the conversation's inbox to its participants without assigning it
// to them ("Carlos añadió a Sofía como participante"); anyone else is INVALID_INPUT `userId`.
// Participants are notified of new messages (notifyParticipants, for the message paths to call).
// Returns the participants after the change.
export const addParticipant = async (ctx: Ctx, input: TAddParticipantInput): Promise<Participant[]> => {
  const { conversationId, userId } = parseActionInput(ZAddParticipantInput, input);
  await applyConversationChange(ctx, { conversationIds: [conversationId], change: participantChange({ userId, mode: 'add' }) });
  return listParticipants(ctx, { conversationId });
};
