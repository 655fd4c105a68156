import { z } from 'zod';

// Zod schemas of canned responses (W2 "/" shortcuts), shared by create, update and search.

// What the agent types after "/": 1 to 30 of a-z, 0-9, '_' and '-'. Stored lowercased, so that it
// is unique per account whatever the case it was typed in ("/Saludo" and "/saludo" are one).
export const ZShortCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_-]{1,30}$/);

export const ZCannedContent = z.string().trim().min(1).max(5000);

export type CannedResponse = { id: number; shortCode: string; content: string };
