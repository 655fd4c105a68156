import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { MAX_UPLOAD_BYTES, storeUpload } from '@/lib/domain/attachments/store-upload';
import { listMessages } from '@/lib/domain/messages/list-messages';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { attachmentRow, byteStream, createMessagesWorkspace, samples, streamOf, withDiskStorage } from '../../helpers/messages-factories';

const database = useTestDatabase();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

// A workspace whose uploads go to a real folder on disk, so "nothing stored" can be looked at.
const setup = async () => {
  const { db } = database();
  const workspace = await createMessagesWorkspace(db, { now: new Date('2025-06-15T12:00:00Z') });
  const disk = await withDiskStorage(workspace.ctx);
  cleanups.push(disk.cleanup);
  return { db, ...workspace, ctx: disk.ctx, files: disk.files };
};

const rowsOf = (db: ReturnType<typeof database>['db'], conversationId: number) => db.select().from(attachments).where(eq(attachments.conversationId, conversationId));

describe('storeUpload: size (W4, 50 MB per file, counted on the bytes received)', () => {
  it('accepts exactly 50 MB and refuses 50 MB + 1 byte with TOO_LARGE, leaving no file and no row', async () => {
    const { db, ctx, conversation, files } = await setup();
    const open = await conversation();

    const stored = await storeUpload(ctx, { conversationId: open.id, fileName: 'manual.pdf', stream: byteStream(MAX_UPLOAD_BYTES, samples.pdf) });
    expect(stored).toMatchObject({ kind: 'file', fileName: 'manual.pdf', mimeType: 'application/pdf', size: 52_428_800 });
    expect(await files()).toHaveLength(1);

    await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'manual.pdf', stream: byteStream(MAX_UPLOAD_BYTES + 1, samples.pdf) })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      details: { maxMb: 50 },
    });
    expect(await files()).toHaveLength(1);
    expect((await rowsOf(db, open.id)).map((row) => row.id)).toEqual([stored.id]);
  }, 60_000);

  it('refuses a body that ends before its declared length (a cut upload) and an empty file', async () => {
    const { db, ctx, conversation, files } = await setup();
    const open = await conversation();

    await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'a.png', expectedSize: 5000, stream: streamOf(samples.png) })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'a.txt', stream: streamOf(new Uint8Array()) })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await files()).toEqual([]);
    expect(await rowsOf(db, open.id)).toEqual([]);
  });
});

describe('storeUpload: type from the content, not the name', () => {
  it('stores allowed types with the sniffed type and kind, under an app-made key', async () => {
    const { db, ctx, accountId, conversation } = await setup();
    const open = await conversation();

    const cases = [
      ['foto.PNG', samples.png, 'image', 'image/png'],
      ['scan.jpeg', samples.jpeg, 'image', 'image/jpeg'],
      ['contrato.docx', samples.docx, 'file', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['clientes.csv', samples.csv, 'file', 'text/csv'],
      ['notas.txt', samples.text, 'file', 'text/plain'],
      ['cancion.mp3', samples.mp3, 'audio', 'audio/mpeg'],
      ['video.mp4', samples.mp4Video, 'video', 'video/mp4'],
      ['sin-extension', samples.gif, 'image', 'image/gif'],
    ] as const;
    for (const [fileName, bytes, kind, mimeType] of cases) {
      // The browser's Content-Type is ignored: it says octet-stream for all of them.
      const stored = await storeUpload(ctx, { conversationId: open.id, fileName, declaredType: 'application/octet-stream', stream: streamOf(bytes) });
      expect(stored, fileName).toMatchObject({ kind, mimeType, fileName, size: bytes.length, isVoiceNote: false, duration: null });
      const row = await attachmentRow(db, stored.id);
      expect(row.storageKey).toMatch(new RegExp(`^${accountId}/2025/06/[0-9a-f-]{36}$`));
      expect(row).toMatchObject({ messageId: null, conversationId: open.id, uploadedById: ctx.actor.userId });
    }
  });

  it('refuses a file whose extension lies about its content (UNSUPPORTED_TYPE), storing nothing', async () => {
    const { db, ctx, conversation, files } = await setup();
    const open = await conversation();

    for (const [fileName, bytes] of [
      ['factura.pdf', samples.exe],
      ['factura.pdf', samples.html],
      ['foto.jpg', samples.pdf],
      ['documento.docx', samples.png],
      ['notas.txt', samples.exe],
    ] as const) {
      await expect(storeUpload(ctx, { conversationId: open.id, fileName, stream: streamOf(bytes) }), fileName).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    }
    expect(await files()).toEqual([]);
    expect(await rowsOf(db, open.id)).toEqual([]);
  });

  it('refuses content of no allowed type whatever its name: executables, HTML, SVG, plain ZIPs, unknown binary', async () => {
    const { db, ctx, conversation, files } = await setup();
    const open = await conversation();
    const unknown = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);

    for (const [fileName, bytes] of [
      ['setup.exe', samples.exe],
      ['programa', samples.elf],
      ['pagina.html', samples.html],
      ['logo.svg', samples.svg],
      ['cosas.zip', samples.zip],
      ['datos.bin', unknown],
      ['datos', unknown],
    ] as const) {
      await expect(storeUpload(ctx, { conversationId: open.id, fileName, stream: streamOf(bytes) }), fileName).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    }
    expect(await files()).toEqual([]);
    expect(await rowsOf(db, open.id)).toEqual([]);
  });

  it('stops a large executable at its first 64 KB instead of reading it all', async () => {
    const { ctx, conversation, files } = await setup();
    const open = await conversation();
    let pulled = 0;
    const body = byteStream(40 * 1024 * 1024, samples.exe).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => {
          pulled += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );

    await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'setup.pdf', stream: body })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    expect(pulled).toBeLessThan(5 * 1024 * 1024);
    expect(await files()).toEqual([]);
  });

  it('keeps only the last segment of a path-like name; the stored key never contains it', async () => {
    const { db, ctx, conversation } = await setup();
    const open = await conversation();

    const stored = await storeUpload(ctx, { conversationId: open.id, fileName: '../../../etc/foto.png', stream: streamOf(samples.png) });

    expect(stored.fileName).toBe('foto.png');
    expect((await attachmentRow(db, stored.id)).storageKey).not.toContain('foto');
  });
});

describe('storeUpload: voice notes (W3)', () => {
  it('stores a recording as audio with its duration, named after what was recorded', async () => {
    const { ctx, conversation } = await setup();
    const open = await conversation();

    const webm = await storeUpload(ctx, { conversationId: open.id, fileName: 'nota-de-voz.webm', declaredType: 'audio/webm;codecs=opus', isVoiceNote: true, duration: 12.5, stream: streamOf(samples.webmAudio) });
    // Safari records MP4 audio; the composer still calls the blob "….webm".
    const m4a = await storeUpload(ctx, { conversationId: open.id, fileName: 'nota-de-voz.webm', isVoiceNote: true, duration: 3, stream: streamOf(samples.m4a) });
    const ogg = await storeUpload(ctx, { conversationId: open.id, fileName: 'grabacion.ogg', isVoiceNote: true, duration: 3600, stream: streamOf(samples.ogg) });

    expect(webm).toMatchObject({ kind: 'audio', mimeType: 'audio/webm', isVoiceNote: true, duration: 12.5, fileName: 'nota-de-voz.webm' });
    expect(m4a).toMatchObject({ kind: 'audio', mimeType: 'audio/mp4', isVoiceNote: true, duration: 3, fileName: 'nota-de-voz.m4a' });
    expect(ogg).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg', duration: 3600 });
  });

  it('refuses a voice note without a duration in (0, 3600] seconds, or whose content is not recorded audio', async () => {
    const { db, ctx, conversation, files } = await setup();
    const open = await conversation();

    for (const duration of [undefined, 0, -1, 3601, Number.NaN]) {
      await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'n.webm', isVoiceNote: true, duration, stream: streamOf(samples.webmAudio) }), String(duration)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'duration' },
      });
    }
    for (const bytes of [samples.png, samples.mp3, samples.webmVideo]) {
      await expect(storeUpload(ctx, { conversationId: open.id, fileName: 'n.webm', isVoiceNote: true, duration: 2, stream: streamOf(bytes) })).rejects.toMatchObject({ code: 'UNSUPPORTED_TYPE' });
    }
    expect(await files()).toEqual([]);
    expect(await rowsOf(db, open.id)).toEqual([]);
  });
});

describe('storeUpload: authorization', () => {
  it('an agent of another inbox gets NOT_FOUND and nothing is read or stored', async () => {
    const { db, ctx, accountId, conversation, files } = await setup();
    const open = await conversation();
    const outsider = await createUser(db, { accountId, inboxIds: [(await createInbox(db, { accountId })).id] });
    const outsiderCtx = { ...ctxFor(db, await actorFor(db, outsider.id, accountId)), storage: ctx.storage };

    await expect(storeUpload(outsiderCtx, { conversationId: open.id, fileName: 'a.png', stream: streamOf(samples.png) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(storeUpload(outsiderCtx, { conversationId: -1, fileName: 'a.png', stream: streamOf(samples.png) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await files()).toEqual([]);
  });
});

describe('sendMessage with attachments', () => {
  it('links the uploads to the message; several per message; a message may be only attachments', async () => {
    const { ctx, conversation } = await setup();
    const open = await conversation();
    const photo = await storeUpload(ctx, { conversationId: open.id, fileName: 'foto.png', stream: streamOf(samples.png) });
    const invoice = await storeUpload(ctx, { conversationId: open.id, fileName: 'factura.pdf', stream: streamOf(samples.pdf) });

    const message = await sendMessage(ctx, { conversationId: open.id, content: '', private: false, attachmentIds: [photo.id, invoice.id] });

    expect(message.content).toBeNull();
    expect(message.attachments.map((file) => [file.id, file.kind, file.fileName])).toEqual([
      [photo.id, 'image', 'foto.png'],
      [invoice.id, 'file', 'factura.pdf'],
    ]);
    const { messages } = await listMessages(ctx, { conversationId: open.id });
    expect(messages.at(-1)?.attachments.map((file) => file.id)).toEqual([photo.id, invoice.id]);
  });

  it("refuses (INVALID_INPUT, nothing sent) an upload already sent, someone else's upload, or one made in another conversation", async () => {
    const { db, ctx, conversation, teammate } = await setup();
    const open = await conversation();
    const elsewhere = await conversation();
    const sofia = await teammate();
    const sent = await storeUpload(ctx, { conversationId: open.id, fileName: 'a.png', stream: streamOf(samples.png) });
    await sendMessage(ctx, { conversationId: open.id, content: 'primera', attachmentIds: [sent.id] });
    const hers = await storeUpload({ ...sofia.ctx, storage: ctx.storage }, { conversationId: open.id, fileName: 'b.png', stream: streamOf(samples.png) });
    const other = await storeUpload(ctx, { conversationId: elsewhere.id, fileName: 'c.png', stream: streamOf(samples.png) });

    for (const id of [sent.id, hers.id, other.id, 999_999]) {
      await expect(sendMessage(ctx, { conversationId: open.id, content: 'otra', attachmentIds: [id] })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'attachmentIds' } });
    }
    expect((await listMessages(ctx, { conversationId: open.id })).messages.map((message) => message.content)).toEqual(['primera']);
    expect((await attachmentRow(db, hers.id)).messageId).toBeNull();
  });
});
