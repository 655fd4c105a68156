import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversationReads } from '@/db/schema';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { markConversationRead } from '@/lib/domain/messages/mark-read';
import { useTestDatabase } from '../../helpers/db';
import { actorFor, createInbox, createMessage, createUser, ctxFor } from '../../helpers/factories';
import { createMessagesWorkspace } from '../../helpers/messages-factories';

const database = useTestDatabase();

const unreadOf = async (ctx: Parameters<typeof listConversations>[0], conversationId: number) =>
  (await listConversations(ctx, { kind: 'all' }, { tab: 'all', status: 'all' })).items.find((card) => card.id === conversationId)?.unreadCount;

describe('markConversationRead', () => {
  it("opening a conversation marks it read for me, and only for me; a later customer message is unread again", async () => {
    const { db } = database();
    let now = new Date('2025-05-01T10:00:00Z');
    const { ctx, me, conversation, teammate } = await createMessagesWorkspace(db, { now: () => now });
    const sofia = await teammate();
    const open = await conversation();
    await createMessage(db, { conversationId: open.id, createdAt: new Date('2025-05-01T09:00:00Z') });
    await createMessage(db, { conversationId: open.id, createdAt: new Date('2025-05-01T09:30:00Z') });
    expect(await unreadOf(ctx, open.id)).toBe(2);

    await markConversationRead(ctx, { conversationId: open.id });

    expect(await unreadOf(ctx, open.id)).toBe(0);
    expect(await unreadOf(sofia.ctx, open.id)).toBe(2);
    await createMessage(db, { conversationId: open.id, createdAt: new Date('2025-05-01T10:30:00Z') });
    expect(await unreadOf(ctx, open.id)).toBe(1);

    now = new Date('2025-05-01T11:00:00Z');
    await markConversationRead(ctx, { conversationId: open.id });
    const rows = await db.select().from(conversationReads).where(and(eq(conversationReads.conversationId, open.id), eq(conversationReads.userId, me.id)));
    expect(rows).toEqual([{ conversationId: open.id, userId: me.id, lastReadAt: now }]);
    expect(await unreadOf(ctx, open.id)).toBe(0);
  });

  it('is NOT_FOUND for a conversation the agent may not see, and writes nothing', async () => {
    const { db } = database();
    const { accountId, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    const outsider = await createUser(db, { accountId, inboxIds: [(await createInbox(db, { accountId })).id] });
    const ctx = ctxFor(db, await actorFor(db, outsider.id, accountId));

    await expect(markConversationRead(ctx, { conversationId: open.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markConversationRead(ctx, { conversationId: 'x' as never })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.select().from(conversationReads).where(eq(conversationReads.userId, outsider.id))).toEqual([]);
  });
});
