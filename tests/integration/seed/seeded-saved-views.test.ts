import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversationLabels, labels, savedViews } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { validateFilter } from '@/lib/domain/conversations/filters/validate-filter';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { actorFor, ctxFor } from '../../helpers/factories';
import { useTestDatabase } from '../../helpers/db';

const database = useTestDatabase();
const now = new Date('2025-06-10T15:00:00Z');

beforeAll(async () => {
  await seedDemo(database().db, { now });
});

// Issue 13 (3): "Facturación abierta" was seeded with `labels/contains`, which the filter schema
// refuses, so the view said "El filtro no es válido". Every seeded view must pass the schema the
// panel and the list use, and open as a list for the agent who owns it.
describe('seeded saved views', () => {
  it('all pass the filter schema and open as lists for their owners', async () => {
    const { db } = database();
    const views = await db.select().from(savedViews);
    expect(views.length).toBeGreaterThanOrEqual(2);
    for (const view of views) {
      expect(() => validateFilter(view.filter), view.name).not.toThrow();
      const ctx = ctxFor(db, await actorFor(db, view.userId, view.accountId), { now });
      const list = await listConversations(ctx, { kind: 'saved', savedViewId: view.id }, { tab: 'all', status: 'all' });
      expect(list.items.length, view.name).toBeGreaterThan(0);
    }
  });

  it('"Facturación abierta" lists open conversations labelled facturación', async () => {
    const { db } = database();
    const [view] = await db.select().from(savedViews).where(eq(savedViews.name, 'Facturación abierta'));
    const ctx = ctxFor(db, await actorFor(db, view.userId, view.accountId), { now });
    const list = await listConversations(ctx, { kind: 'saved', savedViewId: view.id }, { tab: 'all', status: 'all' });
    const [facturacion] = await db.select().from(labels).where(eq(labels.title, 'facturacion'));
    const labelled = new Set(
      (await db.select().from(conversationLabels).where(eq(conversationLabels.labelId, facturacion.id))).map((row) => row.conversationId),
    );
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      expect(item.status).toBe('open');
      expect(labelled.has(item.id)).toBe(true);
    }
  });
});
