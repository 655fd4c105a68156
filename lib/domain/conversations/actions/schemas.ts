import { z } from 'zod';

// Zod schemas shared by the conversation actions (and bulkUpdate, which reuses each action's shape).

// A row id: coerced because ids arrive from forms and URLs as strings; capped at PostgreSQL's
// integer so that a huge number is a validation error, not an SQL error.
export const ZId = z.coerce.number().int().positive().max(2_147_483_647);

// Labels named in one change, duplicates dropped.
export const ZLabelIds = z
  .array(ZId)
  .min(1)
  .max(100)
  .transform((ids) => [...new Set(ids)]);

export const ZActionStatus = z.enum(['open', 'resolved', 'pending']);
export type TActionStatus = z.infer<typeof ZActionStatus>;

export const ZPriority = z.enum(['urgent', 'high', 'medium', 'low', 'none']);
export type TPriority = z.infer<typeof ZPriority>;
