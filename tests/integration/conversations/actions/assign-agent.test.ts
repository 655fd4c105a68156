import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversationParticipants } from '@/db/schema';
import { assignAgent } from '@/lib/domain/conversations/actions/assign-agent';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../../helpers/conversation-actions-factories';
import { createAccount, createConversation, createInbox, createUser } from '../../../helpers/factories';

const database = useTestDatabase();

const isParticipant = async (conversationId: number, userId: number) =>
  (
    await database()
      .db.select()
      .from(conversationParticipants)
      .where(and(eq(conversationParticipants.conversationId, conversationId), eq(conversationParticipants.userId, userId)))
  ).length === 1;

describe('assignAgent', () => {
  it('assigns an agent of the inbox, who becomes a participant: "Carlos asignó la conversación a Sofía"', async () => {
    const { db } = database();
    const { ctx, me, accountId, inboxId, conversation } = await createWorkspace(db, { name: 'Carlos' });
    const sofia = await createUser(db, { accountId, inboxIds: [inboxId], name: 'Sofía' });
    const open = await conversation();

    const result = await assignAgent(ctx, { conversationId: open.id, assigneeId: sofia.id });

    expect(result.assigneeId).toBe(sofia.id);
    expect(await isParticipant(open.id, sofia.id)).toBe(true);
    const [activity] = await activitiesOf(db, open.id);
    expect(activity.content).toBe('Carlos asignó la conversación a Sofía');
    expect(activity.contentAttributes.activity).toEqual({
      action: 'assignee_changed',
      assigneeId: sofia.id,
      assigneeName: 'Sofía',
      previousAssigneeId: null,
      actorId: me.id,
      actorName: 'Carlos',
    });
  });

  it('self-assignment and unassignment read as such, in Spanish and in English', async () => {
    const { db } = database();
    for (const [locale, expected] of [
      ['es', ['Carlos se asignó la conversación', 'Carlos quitó la asignación de la conversación']],
      ['en', ['Carlos self-assigned the conversation', 'Carlos unassigned the conversation']],
    ] as const) {
      const { ctx, me, conversation } = await createWorkspace(db, { locale, name: 'Carlos' });
      const open = await conversation();

      await assignAgent(ctx, { conversationId: open.id, assigneeId: me.id });
      const unassigned = await assignAgent(ctx, { conversationId: open.id, assigneeId: null });

      expect(unassigned.assigneeId).toBeNull();
      expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(expected);
    }
  });

  it('refuses an agent who is not a member of the inbox, a deactivated one, or one of another account (INVALID_INPUT)', async () => {
    const { db } = database();
    const { ctx, accountId, inboxId, conversation } = await createWorkspace(db);
    const otherInbox = await createInbox(db, { accountId });
    const outsider = await createUser(db, { accountId, inboxIds: [otherInbox.id] });
    const deactivated = await createUser(db, { accountId, inboxIds: [inboxId], active: false });
    const foreign = await createUser(db, { accountId: (await createAccount(db)).id });
    const open = await conversation();

    for (const user of [outsider, deactivated, foreign]) {
      await expect(assignAgent(ctx, { conversationId: open.id, assigneeId: user.id })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'assigneeId' },
      });
    }
    expect((await reload(db, open.id)).assigneeId).toBeNull();
    expect(await activitiesOf(db, open.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
  });

  it('an administrator of the account may be assigned in any inbox', async () => {
    const { db } = database();
    const { ctx, accountId, conversation } = await createWorkspace(db);
    const admin = await createUser(db, { accountId, role: 'administrator', name: 'Marta' });
    const open = await conversation();

    expect((await assignAgent(ctx, { conversationId: open.id, assigneeId: admin.id })).assigneeId).toBe(admin.id);
  });

  it('assigning the current assignee again writes nothing', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createWorkspace(db);
    const mine = await conversation({ assigneeId: me.id });

    expect(await assignAgent(ctx, { conversationId: mine.id, assigneeId: me.id })).toEqual(mine);
    expect(await activitiesOf(db, mine.id)).toEqual([]);
    expect(await isParticipant(mine.id, me.id)).toBe(false);
    expect(ctx.published).toEqual([]);
  });

  it("another account's conversation is NOT_FOUND and unchanged", async () => {
    const { db } = database();
    const { ctx, me } = await createWorkspace(db);
    const foreignAccount = await createAccount(db);
    const foreign = await createConversation(db, { accountId: foreignAccount.id, inboxId: (await createInbox(db, { accountId: foreignAccount.id })).id });

    await expect(assignAgent(ctx, { conversationId: foreign.id, assigneeId: me.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await reload(db, foreign.id)).assigneeId).toBeNull();
  });
});
