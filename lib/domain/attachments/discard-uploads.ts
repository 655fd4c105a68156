import { and, inArray, isNull } from 'drizzle-orm';
import { attachments } from '@/db/schema';
import type { Ctx } from '../context';

// Uploads stored for one send that was then refused (the API's multipart message: a later file or
// the send itself refused). The composer's uploads wait for their send and a day-old one is swept
// (delete-stale-uploads.ts); these belong to a request that has already failed, so they go at once
// and the refused request leaves nothing. Only rows still unlinked are taken (rows, then files), as
// the sweep does.
export const discardUploads = async (ctx: Pick<Ctx, 'db' | 'storage'>, attachmentIds: number[]): Promise<void> => {
  if (attachmentIds.length === 0) return;
  const deleted = await ctx.db
    .delete(attachments)
    .where(and(inArray(attachments.id, attachmentIds), isNull(attachments.messageId)))
    .returning({ storageKey: attachments.storageKey });
  // A file whose delete fails is left as an orphan: garbage, never a broken attachment.
  await Promise.all(deleted.map(({ storageKey }) => ctx.storage.delete(storageKey).catch((error) => console.error(`discard uploads: deleting ${storageKey} failed`, error))));
};
