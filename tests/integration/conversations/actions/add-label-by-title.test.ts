import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { labels } from '@/db/schema';
import { addLabelByTitle } from '@/lib/domain/conversations/actions/add-label-by-title';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, labelIdsOf, makeLabel } from '../../../helpers/conversation-actions-factories';
import { createAccount, createConversation, createInbox } from '../../../helpers/factories';

const database = useTestDatabase();

const labelsOf = async (db: Parameters<typeof makeLabel>[0], accountId: number) =>
  (await db.select({ title: labels.title }).from(labels).where(eq(labels.accountId, accountId))).map((label) => label.title).sort();

describe('addLabelByTitle (X1 "Crear etiqueta «texto»")', () => {
  it('an administrator creates a label that does not exist and adds it, with its activity message', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { role: 'administrator', name: 'Laura' });
    const open = await conversation();

    const result = await addLabelByTitle(ctx, { conversationId: open.id, title: '  Reembolso ' });

    expect(result.created).toBe(true);
    expect(result.labels.map((label) => label.title)).toEqual(['reembolso']);
    expect(result.labels[0].color).toMatch(/^#[0-9a-f]{6}$/);
    expect(await labelsOf(db, accountId)).toEqual(['reembolso']);
    expect((await activitiesOf(db, open.id)).map((message) => message.content)).toEqual(['Laura añadió la etiqueta reembolso']);
  });

  it('adds the existing label of that title (any case) instead of creating a second one, for agents too', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { role: 'agent' });
    const vip = await makeLabel(db, { accountId, title: 'vip' });
    const open = await conversation();

    const result = await addLabelByTitle(ctx, { conversationId: open.id, title: 'VIP' });

    expect(result.created).toBe(false);
    expect(await labelIdsOf(db, open.id)).toEqual([vip.id]);
    expect(await labelsOf(db, accountId)).toEqual(['vip']);
  });

  it('refuses an agent who would create a label (FORBIDDEN), creating nothing', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { role: 'agent' });
    const open = await conversation();

    await expect(addLabelByTitle(ctx, { conversationId: open.id, title: 'nueva' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await labelsOf(db, accountId)).toEqual([]);
    expect(await labelIdsOf(db, open.id)).toEqual([]);
  });

  it('refuses a title labels may not have (INVALID_INPUT on title)', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { role: 'administrator' });
    const open = await conversation();

    await expect(addLabelByTitle(ctx, { conversationId: open.id, title: 'dos palabras' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'title' } });
  });

  it("creates nothing when the conversation is another account's (NOT_FOUND): one transaction", async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'administrator' });
    const other = await createAccount(db);
    const foreign = await createConversation(db, { accountId: other.id, inboxId: (await createInbox(db, { accountId: other.id })).id });

    await expect(addLabelByTitle(ctx, { conversationId: foreign.id, title: 'fantasma' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await labelsOf(db, accountId)).toEqual([]);
    expect(await labelsOf(db, other.id)).toEqual([]);
  });
});
