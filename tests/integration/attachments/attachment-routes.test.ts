import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { serveAttachment } from '@/app/api/attachments/_lib/serve-attachment';
import { errorResponse } from '@/app/api/conversations/_lib/json-response';
import { uploadAttachment } from '@/app/api/conversations/_lib/upload-attachment';
import type { Ctx } from '@/lib/domain/context';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createAccount, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { byteStream, createMessagesWorkspace, samples, withDiskStorage } from '../../helpers/messages-factories';

const database = useTestDatabase();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

// The route handlers' work, called as withActor calls them once the session is checked (sessions
// are Auth.js cookies, which only a running app reads); errors become JSON as withActor makes them.
type Handler<P> = (ctx: Ctx, request: Request, params: P) => Promise<Response>;
const call = <P>(handler: Handler<P>, ctx: Ctx, request: Request, params: P) => handler(ctx, request, params).catch(errorResponse);

const uploadRequest = (conversationId: number, body: BodyInit | Uint8Array, headers: Record<string, string>) =>
  new Request(`http://localhost/api/conversations/${conversationId}/attachments`, { method: 'POST', body: body as BodyInit, headers, duplex: 'half' } as RequestInit);

const setup = async () => {
  const { db } = database();
  const workspace = await createMessagesWorkspace(db);
  const disk = await withDiskStorage(workspace.ctx);
  cleanups.push(disk.cleanup);
  return { db, ...workspace, ctx: disk.ctx, files: disk.files };
};

describe('POST /api/conversations/:id/attachments', () => {
  it('201 with the attachment; the name travels URI-encoded; voice notes carry their duration', async () => {
    const { ctx, conversation } = await setup();
    const open = await conversation();

    const photo = await call(uploadAttachment, ctx, uploadRequest(open.id, samples.png, { 'X-File-Name': encodeURIComponent('Año nuevo.png'), 'Content-Type': 'image/png' }), { conversationId: String(open.id) });
    const voice = await call(
      uploadAttachment,
      ctx,
      uploadRequest(open.id, samples.webmAudio, { 'X-File-Name': 'nota.webm', 'Content-Type': 'audio/webm', 'X-Voice-Note': '1', 'X-Duration': '7.2' }),
      { conversationId: String(open.id) },
    );

    expect(photo.status).toBe(201);
    expect(await photo.json()).toMatchObject({ id: expect.any(Number), kind: 'image', fileName: 'Año nuevo.png', size: samples.png.length, mimeType: 'image/png' });
    expect(await voice.json()).toMatchObject({ kind: 'audio', isVoiceNote: true, duration: 7.2 });
  });

  it('413 TOO_LARGE before reading when Content-Length says more than 50 MB; and 413 when no length is declared and the counted bytes pass 50 MB', async () => {
    const { ctx, conversation, files } = await setup();
    const open = await conversation();

    const declared = await call(uploadAttachment, ctx, uploadRequest(open.id, samples.pdf, { 'X-File-Name': 'a.pdf', 'Content-Length': String(50 * 1024 * 1024 + 1) }), { conversationId: String(open.id) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: 'TOO_LARGE', details: { maxMb: 50 } });

    const counted = await call(uploadAttachment, ctx, uploadRequest(open.id, byteStream(50 * 1024 * 1024 + 1, samples.pdf), { 'X-File-Name': 'a.pdf' }), { conversationId: String(open.id) });
    expect(counted.status).toBe(413);
    expect(await files()).toEqual([]);
  }, 60_000);

  it('415 UNSUPPORTED_TYPE for a lying extension, 400 for a malformed name, 404 for a conversation the agent may not see', async () => {
    const { db, ctx, accountId, conversation } = await setup();
    const open = await conversation();
    const outsider = await createUser(db, { accountId, inboxIds: [(await createInbox(db, { accountId })).id] });

    const lying = await call(uploadAttachment, ctx, uploadRequest(open.id, samples.exe, { 'X-File-Name': 'factura.pdf' }), { conversationId: String(open.id) });
    expect(lying.status).toBe(415);
    expect(await lying.json()).toEqual({ error: 'UNSUPPORTED_TYPE', details: {} });

    const malformed = await call(uploadAttachment, ctx, uploadRequest(open.id, samples.png, { 'X-File-Name': '%E0%A4%A' }), { conversationId: String(open.id) });
    expect(malformed.status).toBe(400);

    const outsiderCtx = ctxFor(db, await actorFor(db, outsider.id, accountId));
    const hidden = await call(uploadAttachment, outsiderCtx, uploadRequest(open.id, samples.png, { 'X-File-Name': 'a.png' }), { conversationId: String(open.id) });
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({ error: 'NOT_FOUND', details: { entity: 'conversation' } });
  });
});

describe('GET /api/attachments/:id', () => {
  const get = (ctx: Ctx, id: number | string) => call(serveAttachment, ctx, new Request(`http://localhost/api/attachments/${id}`), { attachmentId: String(id) });

  it('streams the file with its sniffed type, nosniff, inline for media and as a sandboxed download otherwise', async () => {
    const { ctx, conversation } = await setup();
    const open = await conversation();
    const upload = async (name: string, body: Uint8Array) =>
      (await (await call(uploadAttachment, ctx, uploadRequest(open.id, body, { 'X-File-Name': encodeURIComponent(name) }), { conversationId: String(open.id) })).json()) as { id: number };
    const photo = await upload('foto.png', samples.png);
    const invoice = await upload('Factura "marzo" ñ.pdf', samples.pdf);
    const csv = await upload('clientes.csv', samples.csv);
    await sendMessage(ctx, { conversationId: open.id, content: 'adjuntos', attachmentIds: [photo.id, invoice.id, csv.id] });

    const image = await get(ctx, photo.id);
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(samples.png);
    expect(Object.fromEntries(image.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(samples.png.length),
      'content-disposition': `inline; filename="foto.png"; filename*=UTF-8''foto.png`,
      'x-content-type-options': 'nosniff',
    });
    expect(image.headers.get('content-security-policy')).toBeNull();

    const pdf = await get(ctx, invoice.id);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="Factura _marzo_ _.pdf"; filename*=UTF-8''Factura%20%22marzo%22%20%C3%B1.pdf`);
    expect(pdf.headers.get('content-security-policy')).toContain('sandbox');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');

    const text = await get(ctx, csv.id);
    expect(text.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await text.text()).toBe(new TextDecoder().decode(samples.csv));
  });

  it('strips bidi characters and trailing dots and spaces from upload names, and serves unknown content with an inert extension', async () => {
    const { db, ctx, conversation } = await setup();
    const open = await conversation();
    const upload = async (name: string, body: Uint8Array) =>
      (await (await call(uploadAttachment, ctx, uploadRequest(open.id, body, { 'X-File-Name': encodeURIComponent(name) }), { conversationId: String(open.id) })).json()) as { id: number; fileName: string };
    const spoofed = await upload('informe\u202Etxt.csv. . ', samples.csv);
    expect(spoofed.fileName).toBe('informetxt.csv');

    // A customer's email attachment of unknown content (stored as application/octet-stream).
    await sendMessage(ctx, { conversationId: open.id, content: 'adjunto', attachmentIds: [spoofed.id] });
    await db.update(attachments).set({ fileName: 'factura.pdf.exe', mimeType: 'application/octet-stream', kind: 'file' }).where(eq(attachments.id, spoofed.id));
    const served = await get(ctx, spoofed.id);
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="factura.pdf.exe.bin"; filename*=UTF-8''factura.pdf.exe.bin`);
  });

  it('is 404 for an agent of another inbox, another account, or an id that does not exist; an administrator of the account gets it', async () => {
    const { db, ctx, accountId, conversation } = await setup();
    const open = await conversation();
    const stored = (await (await call(uploadAttachment, ctx, uploadRequest(open.id, samples.png, { 'X-File-Name': 'a.png' }), { conversationId: String(open.id) })).json()) as { id: number };
    await sendMessage(ctx, { conversationId: open.id, content: '', attachmentIds: [stored.id] });
    const outsider = await createUser(db, { accountId, inboxIds: [(await createInbox(db, { accountId })).id] });
    const foreignAccount = await createAccount(db);
    const foreigner = await createUser(db, { accountId: foreignAccount.id, role: 'administrator' });
    const admin = await createUser(db, { accountId, role: 'administrator' });
    const as = async (userId: number, account: number) => ({ ...ctxFor(db, await actorFor(db, userId, account)), storage: ctx.storage });

    for (const other of [await as(outsider.id, accountId), await as(foreigner.id, foreignAccount.id)]) {
      const response = await get(other, stored.id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'NOT_FOUND', details: { entity: 'attachment' } });
    }
    expect((await get(ctx, 999_999)).status).toBe(404);
    expect((await get(ctx, 'abc')).status).toBe(404);
    expect((await get(await as(admin.id, accountId), stored.id)).status).toBe(200);
  });

  it('a file not sent yet is only its uploader\'s', async () => {
    const { ctx, conversation, teammate } = await setup();
    const open = await conversation();
    const sofia = await teammate();
    const stored = (await (await call(uploadAttachment, ctx, uploadRequest(open.id, samples.png, { 'X-File-Name': 'a.png' }), { conversationId: String(open.id) })).json()) as { id: number };

    expect((await get(ctx, stored.id)).status).toBe(200);
    expect((await get({ ...sofia.ctx, storage: ctx.storage }, stored.id)).status).toBe(404);
  });
});
