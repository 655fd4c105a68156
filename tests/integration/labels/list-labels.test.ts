import { describe, expect, it } from 'vitest';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { useTestDatabase } from '../../helpers/db';
import { createWorkspace, makeLabel } from '../../helpers/conversation-actions-factories';
import { createAccount } from '../../helpers/factories';

const database = useTestDatabase();

describe('listLabels', () => {
  it("every agent lists the account's labels by title, never another account's", async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'agent' });
    for (const title of ['vip', 'urgente', 'éxito', 'facturacion']) await makeLabel(db, { accountId, title });
    await makeLabel(db, { accountId: (await createAccount(db)).id, title: 'ajena' });

    expect((await listLabels(ctx)).map((label) => label.title)).toEqual(['éxito', 'facturacion', 'urgente', 'vip']);
  });
});
