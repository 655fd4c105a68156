import { z } from 'zod';
import { ZDbId } from '../request-values';

// Zod schemas of the outbox (mail) functions.

export const ZOutboxId = ZDbId;

export const ZOutboxEntryInput = z.object({ outboxId: ZOutboxId });
export type TOutboxEntryInput = z.input<typeof ZOutboxEntryInput>;

export const OUTBOX_PAGE_SIZE = 50;

export const ZListOutboxInput = z.object({
  // Only mails with this status (the page's "failed" filter).
  status: z.enum(['queued', 'sent', 'failed', 'stored']).optional(),
  // Opaque keyset cursor from the previous page's nextCursor.
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(OUTBOX_PAGE_SIZE),
});
export type TListOutboxInput = z.input<typeof ZListOutboxInput>;
