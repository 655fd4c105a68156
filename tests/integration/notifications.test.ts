import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inboxMembers, users } from '@/db/schema';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { bulkUpdate } from '@/lib/domain/conversations/actions/bulk-update';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { muteConversation } from '@/lib/domain/mutes/mute-conversation';
import { countUnreadNotifications, listNotifications, NOTIFICATIONS_PAGE_SIZE } from '@/lib/domain/notifications/list-notifications';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/domain/notifications/mark-notifications-read';
import { addParticipant } from '@/lib/domain/participants/add-participant';
import { notifyParticipants } from '@/lib/domain/participants/notify-participants';
import { useTestDatabase } from '../helpers/db';
import { actorFor, createMessage, ctxFor } from '../helpers/factories';
import { createMessagesWorkspace, notificationsOf } from '../helpers/messages-factories';

const database = useTestDatabase();

const mention = (user: { id: number; name: string }) => `@[${user.name}](user:${user.id})`;
const typesOf = async (db: Parameters<typeof notificationsOf>[0], userId: number) =>
  (await notificationsOf(db, userId)).map((row) => row.type).sort();
const notificationEventsTo = (ctx: { published: Array<{ channel: string; event: string; data: Record<string, unknown> }> }, userId: number) =>
  ctx.published.filter((event) => event.channel === `private-user-${userId}` && event.event === 'notification.created');

describe('notifications: who is notified of what', () => {
  it('a participant hears of a new reply or note by someone else, once, with its realtime event', async () => {
    const { db } = database();
    const { ctx, me, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();
    await sendMessage(sofia.ctx, { conversationId: open.id, content: 'Yo lo miro' });

    const reply = await sendMessage(ctx, { conversationId: open.id, content: 'Hola, ¿en qué puedo ayudarle?' });

    const rows = await notificationsOf(db, sofia.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'participating_message', conversationId: open.id, messageId: reply.id, actorId: me.id, readAt: null });
    expect(notificationEventsTo(ctx, sofia.id).map((event) => event.data)).toEqual([
      { notificationId: rows[0].id, type: 'participating_message', conversationId: open.id, messageId: reply.id },
    ]);
  });

  it('own messages never notify their writer', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createMessagesWorkspace(db);
    const open = await conversation();
    await sendMessage(ctx, { conversationId: open.id, content: 'uno' });
    await sendMessage(ctx, { conversationId: open.id, content: 'nota', private: true });
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(me)} a mí mismo`, private: true });
    expect(await notificationsOf(db, me.id)).toEqual([]);
  });

  it('a mentioned participant gets the mention only, not also a participating_message', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();
    await sendMessage(sofia.ctx, { conversationId: open.id, content: 'Estoy aquí' });

    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} mira esto`, private: true });
    expect(await typesOf(db, sofia.id)).toEqual(['conversation_mention']);
  });

  it('assignment by someone else notifies the assignee; assigning yourself does not', async () => {
    const { db } = database();
    const { ctx, me, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const first = await conversation();
    const second = await conversation();
    const third = await conversation();

    await assignAgent(ctx, { conversationId: first.id, assigneeId: sofia.id });
    await bulkUpdate(ctx, { conversationIds: [second.id, third.id], change: { kind: 'assignee', assigneeId: sofia.id } });
    // Already hers: a no-op notifies nothing more.
    await assignAgent(ctx, { conversationId: first.id, assigneeId: sofia.id });
    await assignAgent(ctx, { conversationId: first.id, assigneeId: me.id });
    await assignAgent(sofia.ctx, { conversationId: third.id, assigneeId: sofia.id });

    const rows = await notificationsOf(db, sofia.id);
    expect(rows.map((row) => [row.type, row.conversationId, row.actorId]).sort()).toEqual(
      [
        ['conversation_assignment', first.id, me.id],
        ['conversation_assignment', second.id, me.id],
        ['conversation_assignment', third.id, me.id],
      ].sort(),
    );
    expect(await notificationsOf(db, me.id)).toEqual([]);
    expect(notificationEventsTo(ctx, sofia.id)).toHaveLength(3);
  });

  it('a mute (C3) silences assignment and participating messages, but not a direct mention', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();
    await sendMessage(sofia.ctx, { conversationId: open.id, content: 'Participo' });
    await muteConversation(sofia.ctx, { conversationId: open.id });

    await sendMessage(ctx, { conversationId: open.id, content: 'Respuesta pública' });
    await sendMessage(ctx, { conversationId: open.id, content: 'Nota sin mención', private: true });
    await assignAgent(ctx, { conversationId: open.id, assigneeId: sofia.id });
    expect(await notificationsOf(db, sofia.id)).toEqual([]);
    expect(notificationEventsTo(ctx, sofia.id)).toEqual([]);

    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} te necesito`, private: true });
    expect(await typesOf(db, sofia.id)).toEqual(['conversation_mention']);
  });

  it('a type switched off in preferences is not notified', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    await db.update(users).set({ preferences: { notifyOn: ['mention'] } }).where(eq(users.id, sofia.id));
    const open = await conversation();
    await assignAgent(ctx, { conversationId: open.id, assigneeId: sofia.id });
    await sendMessage(ctx, { conversationId: open.id, content: 'Hola' });
    expect(await notificationsOf(db, sofia.id)).toEqual([]);
  });

  it('an agent no longer in the inbox, or of another account, is never notified', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const leaver = await teammate({ name: 'Se fue' });
    const open = await conversation();
    await sendMessage(leaver.ctx, { conversationId: open.id, content: 'Participo' });
    await db.delete(inboxMembers).where(eq(inboxMembers.userId, leaver.id));
    const stranger = await createMessagesWorkspace(db, { name: 'Extraña' });

    await sendMessage(ctx, { conversationId: open.id, content: `Hola ${mention(stranger.me)}`, private: true });
    await expect(addParticipant(ctx, { conversationId: open.id, userId: stranger.me.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(assignAgent(ctx, { conversationId: open.id, assigneeId: stranger.me.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    expect(await notificationsOf(db, leaver.id)).toEqual([]);
    expect(await notificationsOf(db, stranger.me.id)).toEqual([]);
  });

  it('a customer message notifies every participant (the inbound path calls notifyParticipants)', async () => {
    const { db } = database();
    const { ctx, me, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();
    await sendMessage(ctx, { conversationId: open.id, content: 'Hola' });
    await sendMessage(sofia.ctx, { conversationId: open.id, content: 'Nota', private: true });
    const incoming = await createMessage(db, { conversationId: open.id, messageType: 'incoming', content: 'Gracias' });

    const events = await db.transaction((tx) => notifyParticipants(tx, { conversation: open, messageId: incoming.id, actorId: null, now: new Date() }));
    expect(events.map((event) => event.channel).sort()).toEqual([`private-user-${me.id}`, `private-user-${sofia.id}`].sort());
    expect((await notificationsOf(db, me.id)).map((row) => row.messageId)).toContain(incoming.id);
  });
});

describe('notifications: the bell', () => {
  it('lists mine newest first with the conversation, contact and actor, paginated, and counts unread', async () => {
    const { db } = database();
    let now = new Date('2025-05-01T10:00:00Z');
    const { ctx, me, conversation, teammate } = await createMessagesWorkspace(db, { name: 'Laura', now: () => now });
    const sofia = await teammate({ name: 'Sofía' });
    const conversations = [];
    for (let index = 0; index < NOTIFICATIONS_PAGE_SIZE + 2; index += 1) conversations.push(await conversation());
    for (const [index, open] of conversations.entries()) {
      // Two notifications share a timestamp: the page boundary never skips or repeats one.
      now = new Date(Date.UTC(2025, 4, 1, 10, Math.min(index, NOTIFICATIONS_PAGE_SIZE - 1)));
      await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} #${index}`, private: true });
    }

    const first = await listNotifications(sofia.ctx);
    expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.items[0]).toMatchObject({ type: 'conversation_mention', actorName: me.name, readAt: null });
    expect(first.items[0].contactName).not.toBe('');
    // An excerpt of the note, its mention markup read as "@Name".
    expect(first.items[0].excerpt).toBe(`@Sofía #${NOTIFICATIONS_PAGE_SIZE + 1}`);
    const second = await listNotifications(sofia.ctx, { cursor: first.nextCursor ?? undefined });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(conversations.length);
    const times = [...first.items, ...second.items].map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await listNotifications(sofia.ctx, { cursor: 'not-a-cursor' })).toMatchObject({ items: first.items });
    expect(await countUnreadNotifications(sofia.ctx)).toBe(conversations.length);
    expect(await listNotifications(ctx)).toEqual({ items: [], nextCursor: null });
  });

  it('mark one or all read; someone else’s notification is NOT_FOUND', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const diego = await teammate({ name: 'Diego' });
    for (const open of [await conversation(), await conversation(), await conversation()]) await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} ${mention(diego)}`, private: true });
    const [newest] = (await listNotifications(sofia.ctx)).items;

    await expect(markNotificationRead(diego.ctx, { notificationId: newest.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(markNotificationRead(sofia.ctx, { notificationId: 'x' as unknown as number })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await markNotificationRead(sofia.ctx, { notificationId: newest.id });
    await markNotificationRead(sofia.ctx, { notificationId: newest.id });
    expect(await countUnreadNotifications(sofia.ctx)).toBe(2);
    expect(await countUnreadNotifications(diego.ctx)).toBe(3);

    expect(await markAllNotificationsRead(sofia.ctx)).toEqual({ marked: 2 });
    expect(await countUnreadNotifications(sofia.ctx)).toBe(0);
    expect((await listNotifications(sofia.ctx)).items.every((item) => item.readAt !== null)).toBe(true);
    expect(await countUnreadNotifications(diego.ctx)).toBe(3);
  });

  it('notifications of an inbox I left are neither listed nor counted', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();
    await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} hola`, private: true });
    expect(await countUnreadNotifications(sofia.ctx)).toBe(1);

    await db.delete(inboxMembers).where(eq(inboxMembers.userId, sofia.id));
    const reloaded = ctxFor(db, await actorFor(db, sofia.id, ctx.actor.accountId));
    expect(await countUnreadNotifications(reloaded)).toBe(0);
    expect((await listNotifications(reloaded)).items).toEqual([]);
  });
});
