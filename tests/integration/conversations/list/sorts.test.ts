import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversations } from '@/db/schema';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { createConversation, createContact } from '@/tests/helpers/factories';
import { useTestDatabase } from '@/tests/helpers/db';
import { idsOf, mentionUser, setupAccount, walkList } from '@/tests/helpers/list-factories';

const database = useTestDatabase();
const db = () => database().db;

const everything = { status: 'all', tab: 'all' } as const;
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 10, minute));

describe('sort orders (L3)', () => {
  it('"Más reciente": latest activity first (the default)', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const old = await createConversation(db(), { accountId, inboxId, lastActivityAt: at(1) });
    const newest = await createConversation(db(), { accountId, inboxId, lastActivityAt: at(30) });
    const middle = await createConversation(db(), { accountId, inboxId, lastActivityAt: at(10) });

    const result = await listConversations(ctx, { kind: 'all' }, everything);

    expect(result.query.sort).toBe('recent');
    expect(idsOf(result.items)).toEqual([newest.id, middle.id, old.id]);
  });

  it('"Creado el": oldest created first', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const second = await createConversation(db(), { accountId, inboxId, createdAt: at(5), lastActivityAt: at(50) });
    const first = await createConversation(db(), { accountId, inboxId, createdAt: at(1), lastActivityAt: at(2) });
    const third = await createConversation(db(), { accountId, inboxId, createdAt: at(9), lastActivityAt: at(9) });

    expect(idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'created' }))).toEqual([first.id, second.id, third.id]);
  });

  it('"Prioridad": urgent > high > medium > low > none, then latest activity', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const none = await createConversation(db(), { accountId, inboxId, priority: 'none', lastActivityAt: at(59) });
    const medium = await createConversation(db(), { accountId, inboxId, priority: 'medium' });
    const urgentOld = await createConversation(db(), { accountId, inboxId, priority: 'urgent', lastActivityAt: at(1) });
    const low = await createConversation(db(), { accountId, inboxId, priority: 'low' });
    const urgentNew = await createConversation(db(), { accountId, inboxId, priority: 'urgent', lastActivityAt: at(20) });
    const high = await createConversation(db(), { accountId, inboxId, priority: 'high' });

    expect(idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'priority' }))).toEqual([
      urgentNew.id,
      urgentOld.id,
      high.id,
      medium.id,
      low.id,
      none.id,
    ]);
  });

  it('waiting: longest-waiting customer first, conversations nobody waits on last', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const notWaiting = await createConversation(db(), { accountId, inboxId });
    const waitingShort = await createConversation(db(), { accountId, inboxId, waitingSince: at(40) });
    const waitingLong = await createConversation(db(), { accountId, inboxId, waitingSince: at(5) });

    expect(idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'waiting' }))).toEqual([
      waitingLong.id,
      waitingShort.id,
      notWaiting.id,
    ]);
  });
});

describe('keyset pagination', () => {
  // Conversations sharing every sort key: only the id tells them apart.
  const createTied = async (count: number) => {
    const { accountId, inboxId, adminId, ctx } = await setupAccount(db());
    const contact = await createContact(db(), { accountId });
    const ids: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const conversation = await createConversation(db(), {
        accountId,
        inboxId,
        contactId: contact.id,
        createdAt: at(0),
        lastActivityAt: at(0),
        priority: 'high',
        // Two thirds wait since the same instant, one third waits on nobody (NULLS LAST ties).
        waitingSince: index % 3 === 0 ? null : at(0),
      });
      await mentionUser(db(), { accountId, userId: adminId, conversationId: conversation.id, mentionedAt: at(0) });
      ids.push(conversation.id);
    }
    return { ctx, ids };
  };

  it('60 conversations with equal sort keys paginate to 60 distinct ids in every sort order', async () => {
    const { ctx, ids } = await createTied(60);

    for (const sort of ['recent', 'created', 'priority', 'waiting'] as const) {
      for (const view of [{ kind: 'all' }, { kind: 'mentions' }] as const) {
        const first = await listConversations(ctx, view, { ...everything, sort });
        expect(first.items).toHaveLength(25);
        expect(first.nextCursor).not.toBeNull();
        const cards = await walkList(ctx, view, { ...everything, sort });
        expect(cards, `${view.kind} ${sort}`).toHaveLength(60);
        expect(new Set(idsOf(cards)).size).toBe(60);
        expect(idsOf(cards).sort()).toEqual([...ids].sort());
      }
    }
  });

  it('the last page has no next cursor; an exact multiple of the page size ends cleanly', async () => {
    const { ctx } = await createTied(50);

    const first = await listConversations(ctx, { kind: 'all' }, everything);
    const second = await listConversations(ctx, { kind: 'all' }, { ...everything, cursor: first.nextCursor ?? undefined });

    expect(second.items).toHaveLength(25);
    expect(second.nextCursor).toBeNull();
  });

  it('timestamps closer than a millisecond neither skip nor repeat across pages', async () => {
    const { accountId, inboxId, ctx } = await setupAccount(db());
    const ids: number[] = [];
    for (let index = 0; index < 40; index += 1) ids.push((await createConversation(db(), { accountId, inboxId })).id);
    // Microseconds apart, in the order opposite to the ids, all inside the same millisecond or two.
    await db()
      .update(conversations)
      .set({
        lastActivityAt: sql`timestamptz '2025-01-01 10:00:00.000100+00' + (${conversations.id} * interval '1 microsecond') * -1`,
        createdAt: sql`timestamptz '2025-01-01 10:00:00.000100+00' + (${conversations.id} * interval '7 microsecond') * -1`,
        waitingSince: sql`timestamptz '2025-01-01 10:00:00.000100+00' + (${conversations.id} * interval '3 microsecond') * -1`,
      })
      .where(inArray(conversations.id, ids));

    const recent = idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'recent' }));
    const created = idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'created' }));
    const waiting = idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'waiting' }));
    const priority = idsOf(await walkList(ctx, { kind: 'all' }, { ...everything, sort: 'priority' }));

    const ascending = [...ids].sort((a, b) => a - b);
    const descending = [...ascending].reverse();
    // Higher ids have earlier timestamps.
    expect(recent).toEqual(ascending);
    expect(created).toEqual(descending);
    expect(waiting).toEqual(descending);
    expect(priority).toEqual(ascending);
  });

  it('a tampered or foreign cursor shows the first page, never an error', async () => {
    const { ctx } = await createTied(30);
    const first = await listConversations(ctx, { kind: 'all' }, everything);
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const priorityCursor = (await listConversations(ctx, { kind: 'all' }, { ...everything, sort: 'priority' })).nextCursor ?? undefined;

    for (const cursor of [
      'garbage',
      '%%%',
      encode('hello'),
      encode({ s: 'recent', k: ['2025-13-45T99:00:00.000000Z'], i: 1 }),
      encode({ s: 'recent', k: ['0001-01-01T00:00:00.000000Z'], i: 1 }),
      encode({ s: 'recent', k: ["2025-01-01'; drop table conversations; --"], i: 1 }),
      encode({ s: 'recent', k: ['2025-01-01T10:00:00.000000Z'], i: 2 ** 40 }),
      encode({ s: 'recent', k: ['2025-01-01T10:00:00.000000Z'], i: -5 }),
      encode({ s: 'priority', k: ['critical', '2025-01-01T10:00:00.000000Z'], i: 1 }),
      // A real cursor of another sort order.
      priorityCursor,
    ]) {
      const page = await listConversations(ctx, { kind: 'all' }, { ...everything, cursor });
      expect(idsOf(page.items)).toEqual(idsOf(first.items));
    }
    const [{ count }] = await db().select({ count: sql<number>`count(*)::int` }).from(conversations).where(eq(conversations.accountId, ctx.actor.accountId));
    expect(count).toBe(30);
  });
});
