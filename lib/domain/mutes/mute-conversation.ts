import type { Ctx } from '../context';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { changeMute } from './change-mute';
import { ZMuteConversationInput, type TMuteConversationInput } from './schemas';

// C3 "Silenciar": the acting agent gets no notifications from this conversation for 6 hours (it
// ends by itself). The agent's own matter: no activity line in the conversation.
export const muteConversation = async (ctx: Ctx, input: TMuteConversationInput): Promise<{ mutedUntil: Date }> => {
  const { conversationId, hours } = parseActionInput(ZMuteConversationInput, input);
  const { mutedUntil } = await changeMute(ctx, { conversationId, hours });
  return { mutedUntil: mutedUntil as Date };
};

// The chat header uses the three C3 functions together; each lives in its own file.
export { getMute } from './get-mute';
export { unmuteConversation } from './unmute-conversation';
