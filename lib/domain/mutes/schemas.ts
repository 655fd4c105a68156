import { z } from 'zod';

// Zod schemas of the mute actions (C3).

const ZConversationId = z.coerce.number().int().positive().max(2_147_483_647);

// "Silenciar" is 6 hours in the product; other lengths (up to a week) are for the API.
export const ZMuteConversationInput = z.object({
  conversationId: ZConversationId,
  hours: z.coerce.number().int().min(1).max(168).default(6),
});
export type TMuteConversationInput = z.input<typeof ZMuteConversationInput>;

export const ZMuteTargetInput = z.object({ conversationId: ZConversationId });
export type TMuteTargetInput = z.input<typeof ZMuteTargetInput>;
