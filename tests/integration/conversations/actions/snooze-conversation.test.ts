import { describe, expect, it } from 'vitest';
import { snoozeConversation } from '@/lib/domain/conversations/actions/snooze-conversation';
import { useTestDatabase } from '../../../helpers/db';
import { activitiesOf, createWorkspace, reload } from '../../../helpers/conversation-actions-factories';
import { createConversation, createInbox } from '../../../helpers/factories';

const database = useTestDatabase();

const now = new Date('2025-03-11T15:00:00Z');
const tomorrow = new Date('2025-03-12T15:00:00Z');

describe('snoozeConversation', () => {
  it('snoozes until a time, written in the account language and time zone', async () => {
    const { db } = database();
    const { ctx, me, conversation } = await createWorkspace(db, { name: 'Carlos', now });
    const open = await conversation();

    const result = await snoozeConversation(ctx, { conversationId: open.id, until: tomorrow });

    expect(result).toMatchObject({ status: 'snoozed', snoozedUntil: tomorrow });
    const [activity] = await activitiesOf(db, open.id);
    // America/Mexico_City (the account default) is UTC-6. ICU versions differ in the joiner (", " or " a las ").
    expect(activity.content).toMatch(/^Carlos pospuso la conversación hasta el 12 de marzo de 2025\D+9:00/);
    expect(activity.contentAttributes.activity).toEqual({
      action: 'snoozed',
      snoozedUntil: tomorrow.toISOString(),
      previousStatus: 'open',
      actorId: me.id,
      actorName: 'Carlos',
    });
    expect(activity.createdAt).toEqual(now);
  });

  it("snoozes until the customer's next reply with until null (in English for an English account)", async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { locale: 'en', name: 'Carlos', now });
    const open = await conversation();

    const result = await snoozeConversation(ctx, { conversationId: open.id, until: null });

    expect(result).toMatchObject({ status: 'snoozed', snoozedUntil: null });
    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual(["Carlos snoozed the conversation until the customer's next reply"]);
  });

  it('changing the snooze time of a snoozed conversation is a change; the same time is a no-op', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { now });
    const snoozed = await conversation({ status: 'snoozed', snoozedUntil: tomorrow });

    await snoozeConversation(ctx, { conversationId: snoozed.id, until: tomorrow.toISOString() as never });
    expect(await activitiesOf(db, snoozed.id)).toEqual([]);
    expect(ctx.published).toEqual([]);

    await snoozeConversation(ctx, { conversationId: snoozed.id, until: null });
    expect((await reload(db, snoozed.id)).snoozedUntil).toBeNull();
    expect(await activitiesOf(db, snoozed.id)).toHaveLength(1);
  });

  it('refuses a time in the past (or now) with INVALID_INPUT, changing nothing', async () => {
    const { db } = database();
    const { ctx, conversation } = await createWorkspace(db, { now });
    const open = await conversation();

    for (const until of [new Date('2025-03-11T14:59:00Z'), now, 'not a date']) {
      await expect(snoozeConversation(ctx, { conversationId: open.id, until: until as Date })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'until' },
      });
    }
    expect(await reload(db, open.id)).toEqual(open);
    expect(await activitiesOf(db, open.id)).toEqual([]);
  });

  it('a conversation of an inbox the agent is not in is NOT_FOUND', async () => {
    const { db } = database();
    const { ctx, accountId } = await createWorkspace(db, { now });
    const hidden = await createConversation(db, { accountId, inboxId: (await createInbox(db, { accountId })).id });

    await expect(snoozeConversation(ctx, { conversationId: hidden.id, until: tomorrow })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await reload(db, hidden.id)).status).toBe('open');
  });
});
