import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { labels, messages } from '@/db/schema';
import { runMacro } from '@/lib/domain/macros/run-macro';
import { reload } from '../../helpers/conversation-actions-factories';
import { useTestDatabase } from '../../helpers/db';
import { createConversation, createInbox } from '../../helpers/factories';
import { createTeamWorkspace, insertMacro } from '../../helpers/macro-factories';

const database = useTestDatabase();

const timelineOf = async (db: Db, conversationId: number) =>
  (
    await db
      .select({ type: messages.messageType, content: messages.content })
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.createdAt), asc(messages.id))
  ).map((m) => `${m.type}: ${m.content}`);

describe('runMacro (M1)', () => {
  it('applies every step in order, each with its activity, then "Carlos ejecutó la macro «Escalar a ventas»"; events after commit', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const ventas = await workspace.team('Ventas');
    const vip = await workspace.label('vip');
    const macro = await insertMacro(db, {
      accountId: workspace.accountId,
      createdById: workspace.admin.id,
      visibility: 'global',
      name: 'Escalar a ventas',
      actions: [
        { action: 'assign_team', params: { teamId: ventas.id } },
        { action: 'add_label', params: { labelIds: [vip.id] } },
        { action: 'change_priority', params: { priority: 'high' } },
        { action: 'add_private_note', params: { content: 'Escalado a ventas.' } },
      ],
    });
    const open = await workspace.conversation();
    const { ctx } = workspace.agent;

    const after = await runMacro(ctx, { macroId: macro.id, conversationId: open.id });

    expect(after).toMatchObject({ id: open.id, teamId: ventas.id, priority: 'high' });
    expect(await timelineOf(db, open.id)).toEqual([
      'activity: Carlos asignó el equipo Ventas',
      'activity: Carlos añadió la etiqueta vip',
      'activity: Carlos cambió la prioridad a alta',
      'outgoing: Escalado a ventas.',
      'activity: Carlos ejecutó la macro «Escalar a ventas»',
    ]);
    const channel = `private-account-${workspace.accountId}-inbox-${workspace.inboxId}`;
    expect(ctx.published.every((e) => e.channel === channel)).toBe(true);
    expect(ctx.published.filter((e) => e.event === 'message.created')).toHaveLength(5);
    expect(ctx.published.at(-1)).toMatchObject({ event: 'message.created', data: { conversationId: open.id, messageType: 'activity' } });
  });

  it('a failing step rolls the whole run back: nothing applied, no event published, no transcript mailed', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const gone = await workspace.label('temporal');
    const macro = await insertMacro(db, {
      accountId: workspace.accountId,
      createdById: workspace.agent.id,
      name: 'Cerrar y etiquetar',
      actions: [
        { action: 'send_message', params: { content: 'Te envío la conversación por correo.' } },
        { action: 'send_transcript', params: { to: 'contact' } },
        { action: 'resolve_conversation' },
        { action: 'add_label', params: { labelIds: [gone.id] } },
      ],
    });
    // The label was deleted after the macro was saved: step 4 now fails.
    await db.delete(labels).where(eq(labels.id, gone.id));
    const open = await workspace.conversation({ contactEmail: 'cliente@example.test' });
    const { ctx } = workspace.agent;

    await expect(runMacro(ctx, { macroId: macro.id, conversationId: open.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'labelIds', step: 4, action: 'add_label' },
    });

    expect(await reload(db, open.id)).toEqual(open);
    expect(await timelineOf(db, open.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
    expect(ctx.sentMail).toEqual([]);
  });

  it('a database failure in the last write (the macro_run activity) also rolls everything back', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const macro = await insertMacro(db, {
      accountId: workspace.accountId,
      createdById: workspace.agent.id,
      name: 'Sabotaje',
      actions: [{ action: 'change_status', params: { status: 'pending' } }, { action: 'send_transcript', params: { to: 'contact' } }],
    });
    const open = await workspace.conversation({ contactEmail: 'cliente@example.test' });
    const { ctx } = workspace.agent;
    await db.execute(sql`
      CREATE FUNCTION refuse_macro_run() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.content_attributes -> 'activity' ->> 'macroName' = 'Sabotaje' THEN RAISE EXCEPTION 'refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.execute(sql`CREATE TRIGGER refuse_macro_run BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_macro_run()`);
    try {
      await expect(runMacro(ctx, { macroId: macro.id, conversationId: open.id })).rejects.toThrow();
    } finally {
      await db.execute(sql`DROP TRIGGER refuse_macro_run ON messages`);
      await db.execute(sql`DROP FUNCTION refuse_macro_run()`);
    }

    expect(await reload(db, open.id)).toEqual(open);
    expect(await timelineOf(db, open.id)).toEqual([]);
    expect(ctx.published).toEqual([]);
    expect(ctx.sentMail).toEqual([]);
  });

  it("who may run what: global macros and one's own; another agent's personal macro is NOT_FOUND, even for an administrator", async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const sofia = await workspace.person({ name: 'Sofía' });
    const step = [{ action: 'change_priority', params: { priority: 'medium' } }];
    const global = await insertMacro(db, { accountId: workspace.accountId, createdById: workspace.admin.id, visibility: 'global', actions: step });
    const carlos = await insertMacro(db, { accountId: workspace.accountId, createdById: workspace.agent.id, actions: step });
    const sofias = await insertMacro(db, { accountId: workspace.accountId, createdById: sofia.id, actions: step });

    await runMacro(workspace.agent.ctx, { macroId: global.id, conversationId: (await workspace.conversation()).id });
    await runMacro(workspace.agent.ctx, { macroId: carlos.id, conversationId: (await workspace.conversation()).id });
    const open = await workspace.conversation();
    for (const ctx of [workspace.agent.ctx, workspace.admin.ctx]) {
      await expect(runMacro(ctx, { macroId: sofias.id, conversationId: open.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'macro' } });
    }
    await expect(runMacro(workspace.admin.ctx, { macroId: carlos.id, conversationId: open.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await timelineOf(db, open.id)).toEqual([]);
  });

  it('a conversation the agent may not see is NOT_FOUND; another account can neither run our macros nor have theirs run on ours', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const foreign = await createTeamWorkspace(db);
    const step = [{ action: 'resolve_conversation' }];
    const ours = await insertMacro(db, { accountId: workspace.accountId, createdById: workspace.admin.id, visibility: 'global', actions: step });
    const theirs = await insertMacro(db, { accountId: foreign.accountId, createdById: foreign.admin.id, visibility: 'global', actions: step });
    const hiddenInbox = await createInbox(db, { accountId: workspace.accountId });
    const hidden = await createConversation(db, { accountId: workspace.accountId, inboxId: hiddenInbox.id });
    const open = await workspace.conversation();
    const foreignConversation = await foreign.conversation();

    await expect(runMacro(workspace.agent.ctx, { macroId: ours.id, conversationId: hidden.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'conversation' } });
    await expect(runMacro(workspace.agent.ctx, { macroId: theirs.id, conversationId: open.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'macro' } });
    await expect(runMacro(workspace.admin.ctx, { macroId: ours.id, conversationId: foreignConversation.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'conversation' } });
    await expect(runMacro(foreign.admin.ctx, { macroId: ours.id, conversationId: foreignConversation.id })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: 'macro' } });
    await expect(runMacro(workspace.agent.ctx, { macroId: 'x' as unknown as number, conversationId: open.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    for (const conversation of [hidden, open, foreignConversation]) expect(await reload(db, conversation.id)).toEqual(conversation);
    // The administrator sees the hidden inbox.
    expect((await runMacro(workspace.admin.ctx, { macroId: ours.id, conversationId: hidden.id })).status).toBe('resolved');
  });

  it('a step the running agent may not do in this conversation fails the run (an assignee outside its inbox)', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const otherInbox = await createInbox(db, { accountId: workspace.accountId });
    const elsewhere = await workspace.person({ name: 'Lejos', inboxIds: [otherInbox.id] });
    const macro = await insertMacro(db, {
      accountId: workspace.accountId,
      createdById: workspace.agent.id,
      actions: [{ action: 'change_priority', params: { priority: 'urgent' } }, { action: 'assign_agent', params: { userId: elsewhere.id } }],
    });
    const open = await workspace.conversation();

    await expect(runMacro(workspace.agent.ctx, { macroId: macro.id, conversationId: open.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'assigneeId', step: 2, action: 'assign_agent' },
    });
    expect(await reload(db, open.id)).toEqual(open);
  });

  it('the macro_run activity reads in the account language: English', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { locale: 'en' });
    const macro = await insertMacro(db, { accountId: workspace.accountId, createdById: workspace.agent.id, name: 'Escalate', actions: [{ action: 'change_priority', params: { priority: 'urgent' } }] });
    const open = await workspace.conversation();

    await runMacro(workspace.agent.ctx, { macroId: macro.id, conversationId: open.id });

    expect(await timelineOf(db, open.id)).toEqual(['activity: Carlos changed the priority to urgent', 'activity: Carlos ran the macro "Escalate"']);
  });

  it('runs the demo seed\'s macros as stored (Chatwoot vocabulary, `until: "next_reply"`)', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    const envio = await workspace.label('envio');
    const macro = await insertMacro(db, {
      accountId: workspace.accountId,
      createdById: workspace.agent.id,
      name: 'Pedir datos del pedido',
      actions: [
        { action: 'send_message', params: { content: '¿Me compartes tu número de pedido?' } },
        { action: 'add_label', params: { labelIds: [envio.id] } },
        { action: 'snooze_conversation', params: { until: 'next_reply' } },
      ],
    });
    const open = await workspace.conversation();

    expect(await runMacro(workspace.agent.ctx, { macroId: macro.id, conversationId: open.id })).toMatchObject({ status: 'snoozed', snoozedUntil: null });
    expect(await timelineOf(db, open.id)).toEqual([
      'outgoing: ¿Me compartes tu número de pedido?',
      'activity: Carlos añadió la etiqueta envio',
      'activity: Carlos pospuso la conversación hasta la siguiente respuesta del cliente',
      'activity: Carlos ejecutó la macro «Pedir datos del pedido»',
    ]);
  });
});
