import { z } from 'zod';
import { ZDbId } from '../request-values';

// Zod schemas of C4 (send transcript).

// Another address typed by the agent: one plain address. CR and LF are refused before anything else
// (a line break in a recipient is how mail header injection starts).
export const ZTranscriptEmail = z
  .string()
  .max(320)
  .refine((value) => !/[\r\n]/.test(value))
  .transform((value) => value.trim())
  .pipe(z.email().max(320));

export const ZSendTranscriptInput = z.object({
  conversationId: ZDbId,
  to: z.union([z.literal('contact'), z.literal('assignee'), z.object({ email: ZTranscriptEmail })]),
});
export type TSendTranscriptInput = z.input<typeof ZSendTranscriptInput>;
