import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversationMutes, conversationParticipants, inboxMembers, notifications, users } from '@/db/schema';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { addParticipant } from '@/lib/domain/participants/add-participant';
import { listParticipants } from '@/lib/domain/participants/list-participants';
import { notifyParticipants } from '@/lib/domain/participants/notify-participants';
import { removeParticipant } from '@/lib/domain/participants/remove-participant';
import { activitiesOf } from '../../helpers/conversation-actions-factories';
import { useTestDatabase } from '../../helpers/db';
import { createConversation, createInbox, createMessage } from '../../helpers/factories';
import { createTeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

describe('participants (P1)', () => {
  it('an agent adds a teammate of the inbox without assigning them: activity, event, and the list flags nobody as assignee', async () => {
    const { db } = database();
    const { agent, person, conversation, accountId, inboxId } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const open = await conversation();

    const participants = await addParticipant(agent.ctx, { conversationId: open.id, userId: sofia.id });

    expect(participants).toEqual([{ userId: sofia.id, name: 'Sofía', avatarUrl: null, isAssignee: false, addedAt: expect.any(Date) }]);
    const [activity] = await activitiesOf(db, open.id);
    expect(activity.content).toBe('Carlos añadió a Sofía como participante');
    expect(activity.contentAttributes.activity).toMatchObject({ action: 'participant_added', userId: sofia.id, userName: 'Sofía', actorId: agent.id });
    const channel = `private-account-${accountId}-inbox-${inboxId}`;
    expect(agent.ctx.published).toEqual([
      { channel, event: 'conversation.updated', data: { conversationId: open.id, participantAdded: sofia.id, updatedAt: expect.any(String), conversation: { status: 'open', assigneeId: open.assigneeId } } },
      { channel, event: 'message.created', data: { conversationId: open.id, messageId: activity.id, messageType: 'activity', conversation: { status: 'open', assigneeId: open.assigneeId } } },
    ]);
    expect((await listParticipants(agent.ctx, { conversationId: open.id }))[0].isAssignee).toBe(false);
  });

  it('adding someone already taking part writes nothing; adding oneself reads as such (English too)', async () => {
    const { db } = database();
    const { agent, conversation } = await createTeamWorkspace(db, { locale: 'en' });
    const open = await conversation();

    await addParticipant(agent.ctx, { conversationId: open.id, userId: agent.id });
    await addParticipant(agent.ctx, { conversationId: open.id, userId: agent.id });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(['Carlos added themselves as a participant']);
  });

  it('only agents who may see the inbox: members and administrators; others, deactivated and foreign users are INVALID_INPUT', async () => {
    const { db } = database();
    const { agent, admin, person, conversation, accountId } = await createTeamWorkspace(db);
    const otherInbox = await createInbox(db, { accountId });
    const elsewhere = await person({ inboxIds: [otherInbox.id] });
    const deactivated = await person({ active: false });
    const foreigner = await createTeamWorkspace(db);
    const open = await conversation();

    for (const userId of [elsewhere.id, deactivated.id, foreigner.agent.id, 2_000_000_000]) {
      await expect(addParticipant(agent.ctx, { conversationId: open.id, userId })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'userId' } });
    }
    expect(await activitiesOf(db, open.id)).toEqual([]);
    expect(agent.ctx.published).toEqual([]);

    // An administrator sees every inbox, so may take part without being a member of it.
    expect((await addParticipant(agent.ctx, { conversationId: open.id, userId: admin.id })).map((p) => p.userId)).toEqual([admin.id]);
  });

  it('removes a participant with its activity; removing one who is not there writes nothing', async () => {
    const { db } = database();
    const { agent, person, conversation } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const open = await conversation();
    await addParticipant(agent.ctx, { conversationId: open.id, userId: sofia.id });

    expect(await removeParticipant(agent.ctx, { conversationId: open.id, userId: sofia.id })).toEqual([]);
    expect(await removeParticipant(agent.ctx, { conversationId: open.id, userId: sofia.id })).toEqual([]);
    await addParticipant(agent.ctx, { conversationId: open.id, userId: agent.id });
    await removeParticipant(agent.ctx, { conversationId: open.id, userId: agent.id });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual([
      'Carlos añadió a Sofía como participante',
      'Carlos quitó a Sofía de los participantes',
      'Carlos se añadió como participante',
      'Carlos dejó de participar en la conversación',
    ]);
  });

  it('the assignee becomes a participant by assignment, is flagged, and cannot be removed while assigned', async () => {
    const { db } = database();
    const { agent, person, conversation } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const open = await conversation();

    await assignAgent(agent.ctx, { conversationId: open.id, assigneeId: sofia.id });

    expect(await listParticipants(agent.ctx, { conversationId: open.id })).toEqual([
      { userId: sofia.id, name: 'Sofía', avatarUrl: null, isAssignee: true, addedAt: expect.any(Date) },
    ]);
    await expect(removeParticipant(agent.ctx, { conversationId: open.id, userId: sofia.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'userId', reason: 'assignee' },
    });
  });

  it('an assignee with no participant row (older data) is still listed; agents @mentioned in a note join', async () => {
    const { db } = database();
    const { agent, person, conversation } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const ana = await person({ name: 'Ana' });
    const legacy = await conversation({ assigneeId: sofia.id });

    expect((await listParticipants(agent.ctx, { conversationId: legacy.id })).map((p) => [p.name, p.isAssignee, p.addedAt])).toEqual([['Sofía', true, null]]);

    const noted = await conversation();
    await sendMessage(agent.ctx, { conversationId: noted.id, content: `Mira esto @[Ana](user:${ana.id})`, private: true });
    // The sender takes part too.
    expect((await listParticipants(agent.ctx, { conversationId: noted.id })).map((p) => p.name)).toEqual(['Ana', 'Carlos']);
  });

  it("a conversation the agent may not see, or another account's, is NOT_FOUND for all three", async () => {
    const { db } = database();
    const { agent, admin, accountId } = await createTeamWorkspace(db);
    const hiddenInbox = await createInbox(db, { accountId });
    const hidden = await createConversation(db, { accountId, inboxId: hiddenInbox.id });
    const foreign = await createTeamWorkspace(db);
    const foreignConversation = await foreign.conversation();

    for (const conversationId of [hidden.id, foreignConversation.id, 'abc' as unknown as number]) {
      await expect(listParticipants(agent.ctx, { conversationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(addParticipant(agent.ctx, { conversationId, userId: agent.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(removeParticipant(agent.ctx, { conversationId, userId: agent.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // The administrator of the account sees the hidden inbox; the other account's still is not theirs.
    expect(await listParticipants(admin.ctx, { conversationId: hidden.id })).toEqual([]);
    await expect(addParticipant(admin.ctx, { conversationId: foreignConversation.id, userId: admin.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await activitiesOf(db, foreignConversation.id)).toEqual([]);
  });
});

describe('notifyParticipants', () => {
  it('notifies participants who may see the inbox, except the writer, the skipped, the muted and those who turned it off', async () => {
    const { db } = database();
    const { agent, admin, person, conversation, accountId } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const muted = await person({ name: 'Silenciada' });
    const unwilling = await person({ name: 'Sin avisos' });
    const mentioned = await person({ name: 'Mencionada' });
    const moved = await person({ name: 'Cambió de entrada' });
    const open = await conversation();
    const message = await createMessage(db, { conversationId: open.id, messageType: 'outgoing', senderId: agent.id });
    const now = new Date();
    for (const user of [agent, admin, sofia, muted, unwilling, mentioned, moved]) {
      await db.insert(conversationParticipants).values({ conversationId: open.id, userId: user.id });
    }
    await db.insert(conversationMutes).values({ conversationId: open.id, userId: muted.id, mutedUntil: new Date(now.getTime() + 3_600_000) });
    await db.update(users).set({ preferences: { notifyOn: ['mention'] } }).where(eq(users.id, unwilling.id));
    await db.delete(inboxMembers).where(eq(inboxMembers.userId, moved.id));

    const events = await notifyParticipants(db, { conversation: open, messageId: message.id, actorId: agent.id, skipUserIds: [mentioned.id], now });

    const rows = await db.select().from(notifications).where(eq(notifications.conversationId, open.id));
    expect(rows.map((row) => row.userId).sort()).toEqual([admin.id, sofia.id].sort());
    expect(rows.every((row) => row.type === 'participating_message' && row.messageId === message.id && row.actorId === agent.id && row.accountId === accountId)).toBe(true);
    expect(events.map((event) => event.channel).sort()).toEqual([`private-user-${admin.id}`, `private-user-${sofia.id}`].sort());
    expect(events[0]).toMatchObject({ event: 'notification.created', data: { type: 'participating_message', conversationId: open.id, messageId: message.id } });
  });
});
