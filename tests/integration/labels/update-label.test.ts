import { describe, expect, it } from 'vitest';
import { updateLabel } from '@/lib/domain/labels/update-label';
import { useTestDatabase } from '../../helpers/db';
import { createWorkspace, makeLabel } from '../../helpers/conversation-actions-factories';
import { createAccount, createUser, actorFor, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

describe('updateLabel', () => {
  it('an administrator renames, recolours and re-describes a label; fields left out keep their value', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'administrator' });
    const label = await makeLabel(db, { accountId, title: 'ventas', color: '#1f93ff' });

    expect(await updateLabel(ctx, { labelId: label.id, title: 'Ventas-B2B', description: 'Empresas' })).toMatchObject({
      title: 'ventas-b2b',
      description: 'Empresas',
      color: '#1f93ff',
    });
    expect(await updateLabel(ctx, { labelId: label.id, color: '#ABCDEF', showOnSidebar: false })).toMatchObject({
      title: 'ventas-b2b',
      description: 'Empresas',
      color: '#abcdef',
      showOnSidebar: false,
    });
    expect(await updateLabel(ctx, { labelId: label.id, description: '' })).toMatchObject({ description: null });
    expect(await updateLabel(ctx, { labelId: label.id })).toMatchObject({ title: 'ventas-b2b' });
  });

  it('refuses an agent with FORBIDDEN', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'agent' });
    const label = await makeLabel(db, { accountId, title: 'vip' });

    await expect(updateLabel(ctx, { labelId: label.id, title: 'gold' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a title another label of the account has (CONFLICT), and a malformed colour (INVALID_INPUT)', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'administrator' });
    await makeLabel(db, { accountId, title: 'vip' });
    const gold = await makeLabel(db, { accountId, title: 'gold' });

    await expect(updateLabel(ctx, { labelId: gold.id, title: 'VIP' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'title' } });
    await expect(updateLabel(ctx, { labelId: gold.id, color: 'gold' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'color' } });
    // Its own title in another case is not a conflict.
    expect(await updateLabel(ctx, { labelId: gold.id, title: 'GOLD' })).toMatchObject({ title: 'gold' });
  });

  it("another account's label is NOT_FOUND and unchanged", async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db, { role: 'administrator' });
    const otherAccount = await createAccount(db);
    const foreign = await makeLabel(db, { accountId: otherAccount.id, title: 'vip' });
    const otherAdmin = await createUser(db, { accountId: otherAccount.id, role: 'administrator' });

    await expect(updateLabel(ctx, { labelId: foreign.id, title: 'mine' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateLabel(ctx, { labelId: 'x' as never })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const otherCtx = ctxFor(db, await actorFor(db, otherAdmin.id, otherAccount.id));
    expect(await updateLabel(otherCtx, { labelId: foreign.id })).toMatchObject({ title: 'vip' });
  });
});
