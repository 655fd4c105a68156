import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, type Conversation } from '@/db/schema';
import { useTestDatabase } from '../../../helpers/db';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor } from '../../../helpers/factories';
import { filteredIds } from '../../../helpers/filters-factories';

const database = useTestDatabase();

const ids = (...conversations: Conversation[]) => conversations.map((c) => c.id).sort((a, b) => a - b);
const one = (field: string, op: string, value?: unknown) => ({ operator: 'and', conditions: [{ field, op, value }] });
const NOW = new Date('2024-06-10T12:00:00Z');

// An account in Mexico City (UTC-6 all year) unless told otherwise.
const setup = async (timeZone = 'America/Mexico_City') => {
  const { db } = database();
  const account = await createAccount(db);
  await db.update(accounts).set({ timeZone }).where(eq(accounts.id, account.id));
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const ctx = ctxFor(db, await actorFor(db, admin.id, account.id), { now: NOW });
  const at = (createdAt: string, lastActivityAt = createdAt) =>
    createConversation(db, { accountId: account.id, inboxId: inbox.id, createdAt: new Date(createdAt), lastActivityAt: new Date(lastActivityAt) });
  return { ctx, at };
};

describe('L4 filter on dates', () => {
  it("created before / after a day, in the account's time zone", async () => {
    const { ctx, at } = await setup();
    const april30Local = await at('2024-05-01T03:00:00Z'); // 21:00 on April 30 in Mexico City
    const may1Local = await at('2024-05-01T12:00:00Z');
    const may2Local = await at('2024-05-02T07:00:00Z'); // 01:00 on May 2

    expect(await filteredIds(ctx, one('created_at', 'before', '2024-05-01'))).toEqual(ids(april30Local));
    expect(await filteredIds(ctx, one('created_at', 'after', '2024-05-01'))).toEqual(ids(may2Local));
    expect(await filteredIds(ctx, one('created_at', 'before', '2024-05-02'))).toEqual(ids(april30Local, may1Local));
  });

  it('a UTC account draws the line at UTC midnight; an unusable time zone falls back to UTC', async () => {
    for (const timeZone of ['UTC', 'Mars/Olympus_Mons']) {
      const { ctx, at } = await setup(timeZone);
      const may1 = await at('2024-05-01T03:00:00Z');
      const april30 = await at('2024-04-30T23:00:00Z');
      expect(await filteredIds(ctx, one('created_at', 'before', '2024-05-01'))).toEqual(ids(april30));
      expect(await filteredIds(ctx, one('created_at', 'after', '2024-04-30'))).toEqual(ids(may1));
    }
  });

  it('before / after an exact instant', async () => {
    const { ctx, at } = await setup();
    const early = await at('2024-05-01T09:59:00Z');
    const late = await at('2024-05-01T10:01:00Z');

    expect(await filteredIds(ctx, one('created_at', 'before', '2024-05-01T10:00:00Z'))).toEqual(ids(early));
    expect(await filteredIds(ctx, one('created_at', 'after', '2024-05-01T04:00:00-06:00'))).toEqual(ids(late));
  });

  it('last activity in the last N days, counted from now', async () => {
    const { ctx, at } = await setup();
    const recent = await at('2024-01-01T00:00:00Z', '2024-06-08T12:00:00Z');
    const stale = await at('2024-01-01T00:00:00Z', '2024-05-01T12:00:00Z');

    expect(await filteredIds(ctx, one('last_activity_at', 'last_n_days', 7))).toEqual(ids(recent));
    expect(await filteredIds(ctx, one('last_activity_at', 'last_n_days', '60'))).toEqual(ids(recent, stale));
    expect(await filteredIds(ctx, one('created_at', 'last_n_days', 30))).toEqual([]);
    expect(await filteredIds(ctx, one('last_activity_at', 'after', '2024-05-15'))).toEqual(ids(recent));
    expect(await filteredIds(ctx, one('last_activity_at', 'before', '2024-05-15'))).toEqual(ids(stale));
  });

  it('refuses impossible dates, garbage and out-of-range day counts', async () => {
    const { ctx } = await setup();
    for (const [op, value] of [
      ['before', '2024-02-30'],
      ['after', '2024-13-01'],
      ['before', 'yesterday'],
      ['after', '2024-05-01 10:00'],
      ['before', "2024-05-01'; drop table conversations; --"],
      ['before', 20240501],
      ['last_n_days', 0],
      ['last_n_days', 3651],
      ['last_n_days', 1.5],
      ['last_n_days', '7 days'],
    ] as const) {
      await expect(filteredIds(ctx, one('created_at', op, value)), `${op} ${value}`).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'created_at', reason: 'invalid_value' },
      });
    }
  });
});
