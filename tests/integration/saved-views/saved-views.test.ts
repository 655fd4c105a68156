import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { savedViews } from '@/db/schema';
import { createSavedView } from '@/lib/domain/saved-views/create-saved-view';
import { deleteSavedView } from '@/lib/domain/saved-views/delete-saved-view';
import { getSavedView } from '@/lib/domain/saved-views/get-saved-view';
import { listSavedViews } from '@/lib/domain/saved-views/list-saved-views';
import { renameSavedView } from '@/lib/domain/saved-views/rename-saved-view';
import { MAX_SAVED_VIEWS_PER_USER } from '@/lib/domain/saved-views/saved-view-schema';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, addAccountMember, createAccount, createConversation, createInbox, createUser, ctxFor } from '../../helpers/factories';
import { createAttributeDefinition, createLabel, filteredIds } from '../../helpers/filters-factories';

const database = useTestDatabase();

const NOW = new Date('2024-06-10T12:00:00Z');
const urgentFilter = { operator: 'and' as const, conditions: [{ field: 'priority' as const, op: 'equal' as const, value: 'urgent' }] };

// Ana and Bruno work in the same account; Ana is also in a second one.
const setup = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const ana = await createUser(db, { accountId: account.id, inboxIds: [inbox.id] });
  const bruno = await createUser(db, { accountId: account.id, inboxIds: [inbox.id] });
  const elsewhere = await createAccount(db);
  await addAccountMember(db, { accountId: elsewhere.id, userId: ana.id });
  return {
    db,
    account,
    inbox,
    ana: ctxFor(db, await actorFor(db, ana.id, account.id), { now: NOW }),
    bruno: ctxFor(db, await actorFor(db, bruno.id, account.id), { now: NOW }),
    anaElsewhere: ctxFor(db, await actorFor(db, ana.id, elsewhere.id), { now: NOW }),
  };
};

const savedRows = async (db: ReturnType<typeof database>['db'], userId: number) =>
  db.select({ name: savedViews.name }).from(savedViews).where(eq(savedViews.userId, userId));

describe('saved views (V7)', () => {
  it('saves a filter under a trimmed name for its owner, and running it gives the filtered list', async () => {
    const { db, account, inbox, ana } = await setup();
    const urgent = await createConversation(db, { accountId: account.id, inboxId: inbox.id, priority: 'urgent' });
    await createConversation(db, { accountId: account.id, inboxId: inbox.id });

    const view = await createSavedView(ana, { name: '  Urgentes  ', filter: urgentFilter });

    expect(view).toMatchObject({ name: 'Urgentes', filter: urgentFilter, createdAt: NOW, updatedAt: NOW });
    expect(await getSavedView(ana, { savedViewId: view.id })).toEqual(view);
    expect(await filteredIds(ana, (await getSavedView(ana, { savedViewId: String(view.id) })).filter)).toEqual([urgent.id]);
    const [row] = await db.select().from(savedViews).where(eq(savedViews.id, view.id));
    expect(row).toMatchObject({ accountId: account.id, userId: ana.actor.userId });
  });

  it('never saves a filter that cannot run', async () => {
    const { db, account, ana } = await setup();
    const foreignLabel = await createLabel(db, { accountId: (await createAccount(db)).id });
    await createAttributeDefinition(db, { accountId: account.id, model: 'conversation', key: 'amount', type: 'number' });
    const broken = [
      { operator: 'and', conditions: [{ field: 'conversation_attribute:missing', op: 'present' }] },
      { operator: 'and', conditions: [{ field: 'conversation_attribute:amount', op: 'greater_than', value: 'lots' }] },
      { operator: 'and', conditions: [{ field: 'label', op: 'equal', value: foreignLabel.id }] },
      { operator: 'and', conditions: [] },
      { operator: 'and', conditions: [{ field: 'status', op: 'equal', value: "open' or 1=1 --" }] },
    ];
    for (const filter of broken) {
      await expect(createSavedView(ana, { name: 'Broken', filter })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await expect(createSavedView(ana, { name: 'Nothing', filter: null as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'filter', reason: 'invalid_filter' },
    });
    expect(await savedRows(db, ana.actor.userId)).toEqual([]);
  });

  it('refuses a blank or over-long name, and a name the agent already uses (ignoring case)', async () => {
    const { db, ana, bruno } = await setup();
    for (const name of ['', '   ', 'x'.repeat(81)]) {
      await expect(createSavedView(ana, { name, filter: urgentFilter })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'name' } });
    }
    expect((await createSavedView(ana, { name: 'x'.repeat(80), filter: urgentFilter })).name).toHaveLength(80);

    await createSavedView(ana, { name: 'Urgentes', filter: urgentFilter });
    await expect(createSavedView(ana, { name: 'URGENTES', filter: urgentFilter })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    // Another agent's names are theirs.
    await expect(createSavedView(bruno, { name: 'Urgentes', filter: urgentFilter })).resolves.toMatchObject({ name: 'Urgentes' });
    expect(await savedRows(db, ana.actor.userId)).toHaveLength(2);
  });

  it(`keeps at most ${MAX_SAVED_VIEWS_PER_USER} views per agent`, async () => {
    const { db, account, ana } = await setup();
    await db.insert(savedViews).values(
      Array.from({ length: MAX_SAVED_VIEWS_PER_USER }, (_, i) => ({ accountId: account.id, userId: ana.actor.userId, name: `View ${i}`, filter: urgentFilter })),
    );
    await expect(createSavedView(ana, { name: 'One more', filter: urgentFilter })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'limit_reached' },
    });
  });

  it("lists only the agent's own views in this account, by name", async () => {
    const { ana, bruno, anaElsewhere } = await setup();
    await createSavedView(ana, { name: 'zeta', filter: urgentFilter });
    await createSavedView(ana, { name: 'Alpha', filter: urgentFilter });
    await createSavedView(ana, { name: 'beta', filter: urgentFilter });
    await createSavedView(bruno, { name: 'Bruno’s', filter: urgentFilter });
    await createSavedView(anaElsewhere, { name: 'Other account', filter: urgentFilter });

    expect((await listSavedViews(ana)).map((view) => view.name)).toEqual(['Alpha', 'beta', 'zeta']);
    expect((await listSavedViews(anaElsewhere)).map((view) => view.name)).toEqual(['Other account']);
  });

  it("another agent's view, another account's view and a malformed id are NOT_FOUND alike", async () => {
    const { db, ana, bruno, anaElsewhere } = await setup();
    const anas = await createSavedView(ana, { name: 'Mine', filter: urgentFilter });
    const notFound = { code: 'NOT_FOUND', details: { entity: 'saved_view' } };

    for (const ctx of [bruno, anaElsewhere]) {
      await expect(getSavedView(ctx, { savedViewId: anas.id })).rejects.toMatchObject(notFound);
      await expect(renameSavedView(ctx, { savedViewId: anas.id, name: 'Taken over' })).rejects.toMatchObject(notFound);
      await expect(deleteSavedView(ctx, { savedViewId: anas.id })).rejects.toMatchObject(notFound);
    }
    for (const savedViewId of ['abc', '', '-1', '1 or 1=1', '99999999999', 0]) {
      await expect(getSavedView(ana, { savedViewId })).rejects.toMatchObject(notFound);
      await expect(renameSavedView(ana, { savedViewId, name: 'x' })).rejects.toMatchObject(notFound);
      await expect(deleteSavedView(ana, { savedViewId })).rejects.toMatchObject(notFound);
    }
    await expect(getSavedView(ana, { savedViewId: anas.id + 1000 })).rejects.toMatchObject(notFound);
    expect(await getSavedView(ana, { savedViewId: anas.id })).toMatchObject({ name: 'Mine' });
    expect(await savedRows(db, ana.actor.userId)).toEqual([{ name: 'Mine' }]);
  });

  it('renames its own view (trimmed); a name used by another of its views is a conflict', async () => {
    const { ana } = await setup();
    const later = new Date('2024-06-11T08:00:00Z');
    const first = await createSavedView(ana, { name: 'Urgentes', filter: urgentFilter });
    await createSavedView(ana, { name: 'VIP', filter: urgentFilter });

    const renamed = await renameSavedView({ ...ana, now: () => later }, { savedViewId: first.id, name: '  Muy urgentes ' });
    expect(renamed).toMatchObject({ id: first.id, name: 'Muy urgentes', filter: urgentFilter, createdAt: NOW, updatedAt: later });
    // Changing only the case of its own name is fine.
    expect((await renameSavedView(ana, { savedViewId: first.id, name: 'MUY URGENTES' })).name).toBe('MUY URGENTES');
    await expect(renameSavedView(ana, { savedViewId: first.id, name: 'vip' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    await expect(renameSavedView(ana, { savedViewId: first.id, name: ' ' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'name' } });
    expect((await listSavedViews(ana)).map((view) => view.name)).toEqual(['MUY URGENTES', 'VIP']);
  });

  it('deletes its own view', async () => {
    const { db, ana, bruno } = await setup();
    const anas = await createSavedView(ana, { name: 'Urgentes', filter: urgentFilter });
    const brunos = await createSavedView(bruno, { name: 'Urgentes', filter: urgentFilter });

    expect(await deleteSavedView(ana, { savedViewId: anas.id })).toEqual({ id: anas.id });
    expect(await listSavedViews(ana)).toEqual([]);
    await expect(deleteSavedView(ana, { savedViewId: anas.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [still] = await db.select({ id: savedViews.id }).from(savedViews).where(and(eq(savedViews.id, brunos.id)));
    expect(still).toEqual({ id: brunos.id });
  });
});
