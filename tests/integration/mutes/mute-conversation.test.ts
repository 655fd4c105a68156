import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conversationMutes } from '@/db/schema';
import { getMute } from '@/lib/domain/mutes/get-mute';
import { muteConversation } from '@/lib/domain/mutes/mute-conversation';
import { unmuteConversation } from '@/lib/domain/mutes/unmute-conversation';
import { useTestDatabase } from '../../helpers/db';
import { activitiesOf, createWorkspace } from '../../helpers/conversation-actions-factories';
import { actorFor, createAccount, createConversation, createInbox, createUser, ctxFor } from '../../helpers/factories';

const database = useTestDatabase();

const now = new Date('2025-04-01T10:00:00Z');
const sixHoursLater = new Date('2025-04-01T16:00:00Z');

describe('muteConversation / unmuteConversation / getMute (C3)', () => {
  it('mutes for 6 hours: the header reads until when; "Silenciada para ti" is the agent\'s own, so no activity line or event reaches the other agents', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { name: 'Carlos', now });
    const open = await conversation();

    expect(await muteConversation(ctx, { conversationId: open.id })).toEqual({ mutedUntil: sixHoursLater });

    expect(await getMute(ctx, { conversationId: open.id })).toEqual({ mutedUntil: sixHoursLater });
    expect(await activitiesOf(db, open.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
  });

  it('is this agent\'s mute only: a teammate in the same inbox is not muted', async () => {
    const { db } = database();
    const { ctx, me, conversation, accountId, inboxId } = await createWorkspace(db, { now });
    const teammate = await createUser(db, { accountId, inboxIds: [inboxId] });
    const theirCtx = ctxFor(db, await actorFor(db, teammate.id, accountId), { now });
    const open = await conversation();

    await muteConversation(ctx, { conversationId: open.id });

    expect(await getMute(theirCtx, { conversationId: open.id })).toBeNull();
    const rows = await db.select({ userId: conversationMutes.userId }).from(conversationMutes).where(eq(conversationMutes.conversationId, open.id));
    expect(rows).toEqual([{ userId: me.id }]);
  });

  it('unmutes any time, without an activity message; unmuting again changes nothing', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { locale: 'en', name: 'Carlos', now });
    const open = await conversation();
    await muteConversation(ctx, { conversationId: open.id });

    await unmuteConversation(ctx, { conversationId: open.id });
    await unmuteConversation(ctx, { conversationId: open.id });

    expect(await getMute(ctx, { conversationId: open.id })).toBeNull();
    expect(await activitiesOf(db, open.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
  });

  it('expires by itself after 6 hours (no sweep): not muted any more, and the stale row is removed', async () => {
    const { db } = database();
    let clock = now;
    const { ctx, me, conversation } = await createWorkspace(db, { now });
    const timed = { ...ctx, now: () => clock };
    const open = await conversation();
    await muteConversation(timed, { conversationId: open.id });

    clock = new Date(sixHoursLater.getTime() - 1000);
    expect(await getMute(timed, { conversationId: open.id })).toEqual({ mutedUntil: sixHoursLater });

    clock = sixHoursLater;
    expect(await getMute(timed, { conversationId: open.id })).toBeNull();
    const rows = await db
      .select()
      .from(conversationMutes)
      .where(and(eq(conversationMutes.conversationId, open.id), eq(conversationMutes.userId, me.id)));
    expect(rows).toEqual([]);
    await unmuteConversation(timed, { conversationId: open.id });
    expect(await getMute(timed, { conversationId: open.id })).toBeNull();
  });

  it('muting again while muted moves the end to 6 hours from now; after expiry it is a new mute; never an activity line', async () => {
    const { db } = database();
    let clock = now;
    const { ctx, conversation } = await createWorkspace(db, { now });
    const timed = { ...ctx, now: () => clock };
    const open = await conversation();

    await muteConversation(timed, { conversationId: open.id });
    clock = new Date('2025-04-01T12:00:00Z');
    expect(await muteConversation(timed, { conversationId: open.id })).toEqual({ mutedUntil: new Date('2025-04-01T18:00:00Z') });
    clock = new Date('2025-04-02T12:00:00Z');
    expect(await muteConversation(timed, { conversationId: open.id })).toEqual({ mutedUntil: new Date('2025-04-02T18:00:00Z') });
    expect(await activitiesOf(db, open.id)).toEqual([]);
  });

  it('an hours option (the API) is validated: 1 to 168 hours', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { now, name: 'Carlos' });
    const open = await conversation();

    expect(await muteConversation(ctx, { conversationId: open.id, hours: 1 })).toEqual({ mutedUntil: new Date('2025-04-01T11:00:00Z') });
    for (const hours of [0, 169, 1.5, 'x']) {
      await expect(muteConversation(ctx, { conversationId: open.id, hours: hours as number })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'hours' },
      });
    }
  });

  it("another inbox's or another account's conversation is NOT_FOUND for mute, unmute and getMute, and nothing is written", async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { now });
    const otherInbox = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });
    const foreignAccount = await createAccount(db);
    const foreign = await createConversation(db, { accountId: foreignAccount.id, inboxId: (await createInbox(db, { accountId: foreignAccount.id })).id });

    for (const hidden of [otherInbox, foreign]) {
      await expect(muteConversation(ctx, { conversationId: hidden.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(unmuteConversation(ctx, { conversationId: hidden.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getMute(ctx, { conversationId: hidden.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await db.select().from(conversationMutes).where(eq(conversationMutes.conversationId, hidden.id))).toEqual([]);
      expect(await activitiesOf(db, hidden.id)).toEqual([]);
    }
    await expect(getMute(ctx, { conversationId: 'abc' as never })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(ctx.published).toEqual([]);
  });

  it('an administrator may mute a conversation of any inbox of the account', async () => {
    const { db } = database();
    const { accountId } = await createWorkspace(db, { now });
    const admin = await createUser(db, { accountId, role: 'administrator', name: 'Ana' });
    const adminCtx = ctxFor(db, await actorFor(db, admin.id, accountId), { now });
    const open = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });

    await muteConversation(adminCtx, { conversationId: open.id });

    expect(await getMute(adminCtx, { conversationId: open.id })).toEqual({ mutedUntil: sixHoursLater });
  });
});
