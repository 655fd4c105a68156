import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversationMutes, users } from '@/db/schema';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { useTestDatabase } from '../../helpers/db';
import { createAccount, createInbox, createUser } from '../../helpers/factories';
import { createMessagesWorkspace, mentionsOf, notificationsOf, participantIds } from '../../helpers/messages-factories';

const database = useTestDatabase();

const mention = (user: { id: number; name: string }) => `@[${user.name}](user:${user.id})`;

describe('sendMessage: @mentions in private notes (W2, V2)', () => {
  it("puts the conversation in the mentioned agent's Mentions view, makes them a participant and notifies them", async () => {
    const { db } = database();
    const { ctx, me, conversation, teammate } = await createMessagesWorkspace(db, { name: 'Laura' });
    const sofia = await teammate({ name: 'Sofía Ruiz' });
    const open = await conversation();
    const other = await conversation();

    const note = await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} ¿puedes revisar el reembolso?`, private: true });

    expect(note.contentAttributes.mentionedUserIds).toEqual([sofia.id]);
    const [row] = await mentionsOf(db, open.id);
    expect(row).toMatchObject({ userId: sofia.id, messageId: note.id });
    expect(await participantIds(db, open.id)).toEqual([me.id, sofia.id].sort((a, b) => a - b));
    const [notification] = await notificationsOf(db, sofia.id);
    expect(notification).toMatchObject({ type: 'conversation_mention', conversationId: open.id, messageId: note.id, actorId: me.id, readAt: null });

    const mentionsView = await listConversations(sofia.ctx, { kind: 'mentions' }, { tab: 'all', status: 'all' });
    expect(mentionsView.items.map((card) => card.id)).toEqual([open.id]);
    expect(mentionsView.items.map((card) => card.id)).not.toContain(other.id);
    // The sender's own Mentions view is unchanged.
    expect((await listConversations(ctx, { kind: 'mentions' }, { tab: 'all', status: 'all' })).items).toEqual([]);

    expect(ctx.published.filter((event) => event.channel === `private-user-${sofia.id}`).map((event) => event.event)).toEqual([
      'conversation.mentioned',
      'notification.created',
    ]);
  });

  it('a newer mention moves the conversation to the top of the Mentions view', async () => {
    const { db } = database();
    let now = new Date('2025-04-01T10:00:00Z');
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db, { now: () => now });
    const sofia = await teammate({ name: 'Sofía' });
    const first = await conversation();
    const second = await conversation();

    await sendMessage(ctx, { conversationId: first.id, content: `${mention(sofia)} uno`, private: true });
    now = new Date('2025-04-01T11:00:00Z');
    await sendMessage(ctx, { conversationId: second.id, content: `${mention(sofia)} dos`, private: true });
    now = new Date('2025-04-01T12:00:00Z');
    const again = await sendMessage(ctx, { conversationId: first.id, content: `${mention(sofia)} tres`, private: true });

    const view = await listConversations(sofia.ctx, { kind: 'mentions' }, { tab: 'all', status: 'all' });
    expect(view.items.map((card) => card.id)).toEqual([first.id, second.id]);
    const rows = await mentionsOf(db, first.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ messageId: again.id, mentionedAt: now });
  });

  it('ignores agents who may not see the inbox, deactivated members, other accounts, unknown ids and the sender', async () => {
    const { db } = database();
    const { ctx, me, accountId, conversation } = await createMessagesWorkspace(db);
    const otherInbox = await createInbox(db, { accountId });
    const outsider = await createUser(db, { accountId, inboxIds: [otherInbox.id], name: 'Outsider' });
    const deactivated = await createUser(db, { accountId, inboxIds: [], name: 'Gone', active: false });
    const foreign = await createUser(db, { accountId: (await createAccount(db)).id, name: 'Foreign' });
    const open = await conversation();

    const note = await sendMessage(ctx, {
      conversationId: open.id,
      content: [outsider, deactivated, foreign, me].map(mention).join(' ') + ' @[Nadie](user:2147483647) @[Roto](user:0)',
      private: true,
    });

    expect(note.contentAttributes.mentionedUserIds).toBeUndefined();
    expect(await mentionsOf(db, open.id)).toEqual([]);
    expect(await participantIds(db, open.id)).toEqual([me.id]);
    for (const user of [outsider, deactivated, foreign, me]) expect(await notificationsOf(db, user.id)).toEqual([]);
    expect((await listConversations(ctx, { kind: 'mentions' }, { tab: 'all', status: 'all' })).items).toEqual([]);
  });

  it("an administrator of the account counts (they see every inbox), and each agent is mentioned once however often they're named", async () => {
    const { db } = database();
    const { ctx, accountId, conversation, teammate } = await createMessagesWorkspace(db);
    const admin = await createUser(db, { accountId, role: 'administrator', name: 'Admin' });
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();

    const note = await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} y ${mention(admin)}, ${mention(sofia)} otra vez`, private: true });

    expect(note.contentAttributes.mentionedUserIds).toEqual([sofia.id, admin.id]);
    expect((await mentionsOf(db, open.id)).map((row) => row.userId).sort()).toEqual([sofia.id, admin.id].sort());
    expect(await notificationsOf(db, sofia.id)).toHaveLength(1);
  });

  it('a mention notifies even through a mute; an agent who turned mention notifications off is not notified but still gets the mention', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const muted = await teammate({ name: 'Muted' });
    const quiet = await teammate({ name: 'Quiet' });
    const open = await conversation();
    await db.insert(conversationMutes).values({ conversationId: open.id, userId: muted.id, mutedUntil: new Date(Date.now() + 6 * 3_600_000) });
    await db.update(users).set({ preferences: { notifyOn: ['assignment'] } }).where(eq(users.id, quiet.id));

    await sendMessage(ctx, { conversationId: open.id, content: `${mention(muted)} ${mention(quiet)}`, private: true });

    expect(await notificationsOf(db, muted.id)).toHaveLength(1);
    expect(await notificationsOf(db, quiet.id)).toEqual([]);
    expect((await mentionsOf(db, open.id)).map((row) => row.userId).sort()).toEqual([muted.id, quiet.id].sort());
  });

  it('mention markup in a public reply mentions nobody (mentions are for private notes)', async () => {
    const { db } = database();
    const { ctx, conversation, teammate } = await createMessagesWorkspace(db);
    const sofia = await teammate({ name: 'Sofía' });
    const open = await conversation();

    const reply = await sendMessage(ctx, { conversationId: open.id, content: `${mention(sofia)} hola`, private: false });

    expect(reply.contentAttributes).toEqual({});
    expect(await mentionsOf(db, open.id)).toEqual([]);
    expect(await notificationsOf(db, sofia.id)).toEqual([]);
  });
});
