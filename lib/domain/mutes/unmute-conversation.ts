import type { Ctx } from '../context';
import { parseActionInput } from '../conversations/actions/parse-action-input';
import { changeMute } from './change-mute';
import { ZMuteTargetInput, type TMuteTargetInput } from './schemas';

// C3: the acting agent ends their mute before its time (no activity line: the mute is theirs alone).
export const unmuteConversation = async (ctx: Ctx, input: TMuteTargetInput): Promise<void> => {
  const { conversationId } = parseActionInput(ZMuteTargetInput, input);
  await changeMute(ctx, { conversationId, hours: null });
};
