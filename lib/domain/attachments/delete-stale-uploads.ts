import { and, asc, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { attachments } from '@/db/schema';
import type { Storage } from '../context';

// An upload not sent with a message within a day was abandoned (composer closed, send never made).
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;

// The sweep of abandoned uploads: deletes their rows, then their files. Safe to run on several
// app instances at once and while agents send: the DELETE only takes rows that are still unlinked
// at that instant (a send that links one first keeps it), and each row is deleted by one sweep.
// Returns how many uploads were removed.
export const deleteStaleUploads = async (db: DbOrTx, storage: Storage, now: Date): Promise<number> => {
  const cutoff = new Date(now.getTime() - STALE_UPLOAD_MS);
  let removed = 0;
  for (;;) {
    const stale = db
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(isNull(attachments.messageId), lt(attachments.createdAt, cutoff)))
      .orderBy(asc(attachments.createdAt))
      .limit(BATCH);
    const deleted = await db
      .delete(attachments)
      .where(and(inArray(attachments.id, stale), isNull(attachments.messageId)))
      .returning({ storageKey: attachments.storageKey });
    // A file whose delete fails is left as an orphan: garbage, never a broken attachment.
    await Promise.all(deleted.map(({ storageKey }) => storage.delete(storageKey).catch((error) => console.error(`uploads sweep: deleting ${storageKey} failed`, error))));
    removed += deleted.length;
    if (deleted.length < BATCH) return removed;
  }
};
