import { eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { deleteStaleUploads } from '@/lib/domain/attachments/delete-stale-uploads';
import { storeUpload } from '@/lib/domain/attachments/store-upload';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { useTestDatabase } from '../../helpers/db';
import { createMessagesWorkspace, samples, streamOf, withDiskStorage } from '../../helpers/messages-factories';

const database = useTestDatabase();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('deleteStaleUploads', () => {
  it('removes uploads never sent within a day, row and file; keeps sent ones and recent ones', async () => {
    const { db } = database();
    let now = new Date('2025-07-01T08:00:00Z');
    const workspace = await createMessagesWorkspace(db, { now: () => now });
    const disk = await withDiskStorage(workspace.ctx);
    cleanups.push(disk.cleanup);
    const { ctx } = disk;
    const open = await workspace.conversation();

    const abandoned = await storeUpload(ctx, { conversationId: open.id, fileName: 'olvidado.png', stream: streamOf(samples.png) });
    const sent = await storeUpload(ctx, { conversationId: open.id, fileName: 'enviado.png', stream: streamOf(samples.png) });
    await sendMessage(ctx, { conversationId: open.id, content: 'va', attachmentIds: [sent.id] });
    now = new Date('2025-07-02T07:00:00Z');
    const recent = await storeUpload(ctx, { conversationId: open.id, fileName: 'reciente.png', stream: streamOf(samples.png) });
    expect(await disk.files()).toHaveLength(3);

    // 23 hours later nothing is stale yet.
    expect(await deleteStaleUploads(db, ctx.storage, new Date('2025-07-02T07:00:00Z'))).toBe(0);
    const removed = await deleteStaleUploads(db, ctx.storage, new Date('2025-07-02T08:00:01Z'));

    expect(removed).toBe(1);
    const left = await db.select({ id: attachments.id }).from(attachments).where(inArray(attachments.id, [abandoned.id, sent.id, recent.id]));
    expect(left.map((row) => row.id).sort()).toEqual([sent.id, recent.id].sort());
    expect(await disk.files()).toHaveLength(2);
    // Running it again finds nothing more (several app instances may run the sweep).
    expect(await deleteStaleUploads(db, ctx.storage, new Date('2025-07-02T08:00:01Z'))).toBe(0);
    expect((await db.select().from(attachments).where(eq(attachments.id, sent.id)))[0].messageId).not.toBeNull();
  });
});
