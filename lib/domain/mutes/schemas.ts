import { z } from 'zod';
import { ZDbId } from '../request-values';

// Zod schemas of the mute actions (C3).

// "Silenciar" is 6 hours in the product; other lengths (up to a week) are for the API.
export const ZMuteConversationInput = z.object({
  conversationId: ZDbId,
  hours: z.coerce.number().int().min(1).max(168).default(6),
});
export type TMuteConversationInput = z.input<typeof ZMuteConversationInput>;

export const ZMuteTargetInput = z.object({ conversationId: ZDbId });
export type TMuteTargetInput = z.input<typeof ZMuteTargetInput>;
