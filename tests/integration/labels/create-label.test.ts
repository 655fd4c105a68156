import { describe, expect, it } from 'vitest';
import { createLabel } from '@/lib/domain/labels/create-label';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { useTestDatabase } from '../../helpers/db';
import { createWorkspace } from '../../helpers/conversation-actions-factories';

const database = useTestDatabase();

describe('createLabel', () => {
  it('an administrator creates a label, its title lowercased and its colour normalised', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { role: 'administrator' });

    const label = await createLabel(ctx, { title: '  Facturación_2025 ', description: 'Cobros y facturas', color: '#FF8800', showOnSidebar: false });

    expect(label).toMatchObject({ accountId, title: 'facturación_2025', description: 'Cobros y facturas', color: '#ff8800', showOnSidebar: false });
    expect((await listLabels(ctx)).map((l) => l.id)).toEqual([label.id]);
  });

  it('shows new labels on the sidebar by default and stores no empty description', async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db, { role: 'administrator' });

    expect(await createLabel(ctx, { title: 'vip', color: '#1f93ff', description: '  ' })).toMatchObject({ showOnSidebar: true, description: null });
  });

  it('refuses an agent with FORBIDDEN, creating nothing', async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db, { role: 'agent' });

    await expect(createLabel(ctx, { title: 'vip', color: '#1f93ff' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await listLabels(ctx)).toEqual([]);
  });

  it('refuses a title already used in the account whatever its case (CONFLICT on title); another account may use it', async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db, { role: 'administrator' });
    const other = await createWorkspace(db, { role: 'administrator' });
    await createLabel(ctx, { title: 'urgente', color: '#ff0000' });

    await expect(createLabel(ctx, { title: 'URGENTE', color: '#00ff00' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'title' } });
    expect(await createLabel(other.ctx, { title: 'urgente', color: '#00ff00' })).toMatchObject({ title: 'urgente' });
    expect((await listLabels(ctx)).map((l) => l.color)).toEqual(['#ff0000']);
  });

  it('refuses malformed titles and colours with INVALID_INPUT naming the field', async () => {
    const { db } = database();
    const { ctx } = await createWorkspace(db, { role: 'administrator' });

    for (const title of ['', 'con espacio', 'a'.repeat(51), 'coma,', "x'; drop table labels; --"]) {
      await expect(createLabel(ctx, { title, color: '#1f93ff' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'title' } });
    }
    for (const color of ['red', '#fff', '#12345g', '1f93ff']) {
      await expect(createLabel(ctx, { title: 'ok', color })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'color' } });
    }
    expect(await createLabel(ctx, { title: 'a'.repeat(50), color: '#1f93ff' })).toMatchObject({ title: 'a'.repeat(50) });
    expect(await listLabels(ctx)).toHaveLength(1);
  });
});
