import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users, type Conversation } from '@/db/schema';
import type { Ctx } from '../../context';
import { DomainError } from '../../errors';
import { applyConversationChange } from './apply-conversation-change';
import { snoozeChange } from './changes/snooze-change';
import { parseActionInput } from './parse-action-input';
import { ZId } from './schemas';
import { snoozeUntil, ZSnoozePreset } from './snooze-presets';

export const ZSnoozeWithPresetInput = z.object({ conversationId: ZId, preset: ZSnoozePreset });
export type TSnoozeWithPresetInput = z.input<typeof ZSnoozeWithPresetInput>;

// C2 as the header's snooze menu offers it: the preset is resolved on the server in the acting
// agent's own time zone (users.time_zone), so "mañana a las 09:00" is their 9 o'clock whatever the
// browser or the account says. An unknown or malformed preset is INVALID_INPUT `preset`; a picked
// time that is not in the future is INVALID_INPUT `until`.
export const snoozeWithPreset = async (ctx: Ctx, input: TSnoozeWithPresetInput): Promise<Conversation> => {
  const { conversationId, preset } = parseActionInput(ZSnoozeWithPresetInput, input);
  const [agent] = await ctx.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!agent) throw new DomainError('UNAUTHENTICATED');
  const until = snoozeUntil(preset, { now: ctx.now(), timeZone: agent.timeZone });
  const { conversations } = await applyConversationChange(ctx, { conversationIds: [conversationId], change: snoozeChange(until) });
  return conversations[0];
};
