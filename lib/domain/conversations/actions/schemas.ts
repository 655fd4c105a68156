import { z } from 'zod';
import { ZDbId } from '../../request-values';

// Zod schemas shared by the conversation actions (and bulkUpdate, which reuses each action's shape).

// A row id (coerced and capped at PostgreSQL's integer: request-values.ts).
export const ZId = ZDbId;

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
