import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { attachments, messages } from '@/db/schema';
import { api, createApiWorkspace, type ApiWorkspace } from '../../helpers/api-factories';
import { createConversation } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

// Issue 14: a multipart POST …/messages stores its files before the send links them, and storage
// is outside any transaction; a refused request must still leave no attachment row and no file.

const database = useTestDatabase();

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e21f2b5a0000000049454e44ae426082', 'hex');

const form = (content: string, files: Array<{ name: string; data: Uint8Array; type: string }>) => {
  const body = new FormData();
  body.append('content', content);
  for (const file of files) body.append('attachments[]', new File([file.data as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return body;
};

const stored = async (w: ApiWorkspace, conversationId: number) => ({
  rows: (await w.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.conversationId, conversationId))).length,
  messages: (await w.db.select({ id: messages.id }).from(messages).where(eq(messages.conversationId, conversationId))).length,
  files: w.ports.storedFiles.size,
});

describe('API multipart message: a refused send stores nothing', () => {
  it('a conversation the caller cannot reach, content the send refuses, a later file refused: no row, no file; then a good send stores its file', async () => {
    const w = await createApiWorkspace(database().db);
    const conversation = await createConversation(w.db, { accountId: w.accountId, inboxId: w.inboxId, contactId: w.contactId });
    const path = `/conversations/${conversation.displayId}/messages`;
    const png = { name: 'foto.png', data: PNG, type: 'image/png' };
    const before = await stored(w, conversation.id);
    expect(before).toEqual({ rows: 0, messages: 0, files: 0 });

    // An agent who is not in the conversation's inbox: 404 before any file is stored.
    expect((await api(w, w.outsider.token, 'POST', path, form('hola', [png]))).status).toBe(404);
    expect(await stored(w, conversation.id)).toEqual(before);

    // Text over the send's limit (10 000): refused by sendMessage after the file was stored.
    expect((await api(w, w.agent.token, 'POST', path, form('x'.repeat(10_001), [png]))).status).toBe(422);
    expect(await stored(w, conversation.id)).toEqual(before);

    // The second file's content contradicts its name: the first one, already stored, goes too.
    const refused = await api(w, w.agent.token, 'POST', path, form('dos archivos', [png, { name: 'otra.png', data: new TextEncoder().encode('no soy una imagen'), type: 'image/png' }]));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await stored(w, conversation.id)).toEqual(before);

    const sent = await api(w, w.agent.token, 'POST', path, form('con foto', [png]));
    expect(sent.status).toBe(200);
    expect(sent.body.attachments).toMatchObject([{ file_name: 'foto.png' }]);
    expect(await stored(w, conversation.id)).toEqual({ rows: 1, messages: 1, files: 1 });
  });
});
