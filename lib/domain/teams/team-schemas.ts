import { z } from 'zod';

// Zod schemas of teams (V6 settings).
export const ZTeamName = z.string().trim().min(1).max(100);
export const ZTeamDescription = z
  .string()
  .trim()
  .max(500)
  .transform((value) => value || null);
