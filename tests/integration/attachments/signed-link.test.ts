import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachments } from '@/db/schema';
import { getSignedAttachmentFile, signAttachmentLink } from '@/lib/domain/attachments/signed-link';
import { createLocalStorage } from '@/lib/storage/storage';
import { useTestDatabase } from '../../helpers/db';
import { createAccount, createContact, createConversation, createInbox, createMessage } from '../../helpers/factories';

const database = useTestDatabase();
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const SECRET = 'test-secret';
const NOW = new Date('2026-11-27T12:00:00Z');

const withFile = async (options: { private?: boolean } = {}) => {
  const { db } = database();
  const root = await mkdtemp(path.join(tmpdir(), 'bandeja-signed-'));
  folders.push(root);
  const storage = createLocalStorage(root);
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const contact = await createContact(db, { accountId: account.id });
  const conversation = await createConversation(db, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
  const message = await createMessage(db, { conversationId: conversation.id, messageType: 'outgoing', private: options.private ?? false, content: 'Adjunto' });
  await storage.put('k/factura.pdf', new TextEncoder().encode('%PDF-1.4 factura'), 'application/pdf');
  const [file] = await db
    .insert(attachments)
    .values({ accountId: account.id, messageId: message.id, kind: 'file', fileName: 'factura.pdf', mimeType: 'application/pdf', size: 16, storageKey: 'k/factura.pdf' })
    .returning();
  return { db, storage, id: file.id };
};

const paramsOf = (link: string) => {
  const url = new URL(link);
  return { expires: url.searchParams.get('expires') ?? '', signature: url.searchParams.get('signature') ?? '' };
};

describe('signed attachment links (transcripts)', () => {
  it('open the file of a customer-visible message until they expire', async () => {
    const { db, storage, id } = await withFile();
    const link = signAttachmentLink({ appUrl: 'https://ayuda.example.com', attachmentId: id, expiresAt: new Date(NOW.getTime() + 60_000), secret: SECRET });
    expect(link).toMatch(new RegExp(`^https://ayuda.example.com/api/attachments/${id}\\?expires=\\d+&signature=`));

    const { attachment, body } = await getSignedAttachmentFile({ db, storage }, { attachmentId: String(id), ...paramsOf(link), secret: SECRET, now: NOW });
    expect(attachment.fileName).toBe('factura.pdf');
    expect(await new Response(body).text()).toBe('%PDF-1.4 factura');

    const later = new Date(NOW.getTime() + 120_000);
    await expect(getSignedAttachmentFile({ db, storage }, { attachmentId: String(id), ...paramsOf(link), secret: SECRET, now: later })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuse a tampered signature, another attachment id, another secret, or a private note’s file', async () => {
    const { db, storage, id } = await withFile();
    const link = signAttachmentLink({ appUrl: 'http://x', attachmentId: id, expiresAt: new Date(NOW.getTime() + 60_000), secret: SECRET });
    const { expires, signature } = paramsOf(link);
    const refused = (input: { attachmentId: string; expires: string; signature: string; secret: string }) =>
      expect(getSignedAttachmentFile({ db, storage }, { ...input, now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await refused({ attachmentId: String(id), expires, signature: `${signature.slice(0, -1)}A`, secret: SECRET });
    await refused({ attachmentId: String(id + 1), expires, signature, secret: SECRET });
    await refused({ attachmentId: String(id), expires: String(Number(expires) + 1), signature, secret: SECRET });
    await refused({ attachmentId: String(id), expires, signature, secret: 'other' });

    const note = await withFile({ private: true });
    const noteLink = signAttachmentLink({ appUrl: 'http://x', attachmentId: note.id, expiresAt: new Date(NOW.getTime() + 60_000), secret: SECRET });
    await expect(getSignedAttachmentFile({ db, storage: note.storage }, { attachmentId: String(note.id), ...paramsOf(noteLink), secret: SECRET, now: NOW })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
