import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contactLabels, labels } from '@/db/schema';
import { deleteLabel } from '@/lib/domain/labels/delete-label';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { useTestDatabase } from '../../helpers/db';
import { createWorkspace, labelIdsOf, makeLabel } from '../../helpers/conversation-actions-factories';
import { addLabels } from '@/lib/domain/conversations/actions/add-labels';
import { createAccount, createContact } from '../../helpers/factories';

const database = useTestDatabase();

describe('deleteLabel', () => {
  it('an administrator deletes a label: it leaves every conversation and contact that had it', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db, { role: 'administrator' });
    const vip = await makeLabel(db, { accountId, title: 'vip' });
    const kept = await makeLabel(db, { accountId, title: 'kept' });
    const open = await conversation();
    await addLabels(ctx, { conversationId: open.id, labelIds: [vip.id, kept.id] });
    const contact = await createContact(db, { accountId });
    await db.insert(contactLabels).values({ contactId: contact.id, labelId: vip.id });

    expect(await deleteLabel(ctx, { labelId: vip.id })).toEqual({ id: vip.id });

    expect((await listLabels(ctx)).map((l) => l.title)).toEqual(['kept']);
    expect(await labelIdsOf(db, open.id)).toEqual([kept.id]);
    expect(await db.select().from(contactLabels).where(eq(contactLabels.contactId, contact.id))).toEqual([]);
  });

  it('refuses an agent with FORBIDDEN, deleting nothing', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'agent' });
    const vip = await makeLabel(db, { accountId, title: 'vip' });

    await expect(deleteLabel(ctx, { labelId: vip.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.select().from(labels).where(eq(labels.id, vip.id))).toHaveLength(1);
  });

  it("another account's label is NOT_FOUND and stays", async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db, { role: 'administrator' });
    const foreign = await makeLabel(db, { accountId: (await createAccount(db)).id, title: 'vip' });

    await expect(deleteLabel(ctx, { labelId: foreign.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(labels).where(eq(labels.id, foreign.id))).toHaveLength(1);
  });
});
