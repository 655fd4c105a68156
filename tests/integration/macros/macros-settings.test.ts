import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { macros } from '@/db/schema';
import { createMacro } from '@/lib/domain/macros/create-macro';
import { deleteMacro } from '@/lib/domain/macros/delete-macro';
import { listMacros } from '@/lib/domain/macros/list-macros';
import { updateMacro } from '@/lib/domain/macros/update-macro';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace, insertMacro } from '../../helpers/macro-factories';

const database = useTestDatabase();

const note = (content: string) => ({ action: 'add_private_note', params: { content } });

describe('macros settings (create, edit, reorder, delete, list)', () => {
  it('an agent creates a personal macro; an administrator a global one; an agent may not create a global one (FORBIDDEN)', async () => {
    const { db } = database();
    const { admin, agent } = await createTeamWorkspace(db);

    const mine = await createMacro(agent.ctx, { name: ' Pedir datos ', visibility: 'personal', actions: [{ action: 'send_message', params: { content: '¿Tu número de pedido?' } }] });
    expect(mine).toMatchObject({ name: 'Pedir datos', visibility: 'personal', createdById: agent.id, actions: [{ action: 'send_message', params: { content: '¿Tu número de pedido?' } }] });
    expect((await createMacro(admin.ctx, { name: 'Resolver', visibility: 'global', actions: [{ action: 'resolve_conversation' }] })).actions).toEqual([
      { action: 'resolve_conversation', params: {} },
    ]);
    await expect(createMacro(agent.ctx, { name: 'Para todos', visibility: 'global', actions: [note('x')] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Without a visibility a macro is personal.
    expect((await createMacro(admin.ctx, { name: 'Mía', actions: [note('x')] })).visibility).toBe('personal');
  });

  it('every step is validated: unknown actions, bad params, 0 or more than 20 steps, and files not of the account’s macros are INVALID_INPUT naming the step', async () => {
    const { db } = database();
    const { agent } = await createTeamWorkspace(db);
    const cases: Array<[unknown, Record<string, unknown>]> = [
      [[], { field: 'actions', reason: 'count' }],
      [Array.from({ length: 21 }, () => note('x')), { field: 'actions', reason: 'count' }],
      ['resolve', { field: 'actions', reason: 'count' }],
      [[note('ok'), { action: 'delete_conversation' }], { field: 'actions', step: 2, param: 'action' }],
      [[{ action: 'send_message', params: { content: '   ' } }], { field: 'actions', step: 1, param: 'content' }],
      [[{ action: 'change_priority', params: { priority: 'altísima' } }], { field: 'actions', step: 1, param: 'priority' }],
      [[{ action: 'change_status', params: { status: 'snoozed' } }], { field: 'actions', step: 1, param: 'status' }],
      [[{ action: 'add_label', params: { labelIds: [] } }], { field: 'actions', step: 1, param: 'labelIds' }],
      [[{ action: 'assign_agent', params: { userId: 'alguien' } }], { field: 'actions', step: 1, param: 'userId' }],
      [[{ action: 'snooze_conversation', params: { until: 'someday' } }], { field: 'actions', step: 1, param: 'until' }],
      [[{ action: 'mute_conversation', params: { hours: 1000 } }], { field: 'actions', step: 1, param: 'hours' }],
      [[{ action: 'send_transcript', params: { to: 'no es un correo' } }], { field: 'actions', step: 1, param: 'to' }],
      [[note('ok'), { action: 'send_attachment', params: { attachmentId: 1 } }], { field: 'actions', step: 2, param: 'file' }],
      [[{ action: 'send_attachment', params: { file: { key: '../../etc/passwd', fileName: 'a.png', mimeType: 'image/png', size: 1 } } }], { field: 'actions', step: 1, param: 'key' }],
      // A file of another account's macros.
      [[{ action: 'send_attachment', params: { file: { key: `999999/macros/${crypto.randomUUID()}`, fileName: 'a.png', mimeType: 'image/png', size: 1 } } }], { field: 'actions', step: 1, param: 'file' }],
    ];
    for (const [actions, details] of cases) {
      await expect(createMacro(agent.ctx, { name: 'M', actions }), JSON.stringify(actions).slice(0, 80)).rejects.toMatchObject({ code: 'INVALID_INPUT', details });
    }
    await expect(createMacro(agent.ctx, { name: '', actions: [note('x')] })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'name' } });
    expect(await listMacros(agent.ctx)).toEqual([]);
  });

  it("labels, teams and agents named by steps must be the account's", async () => {
    const { db } = database();
    const { agent, label, team, person } = await createTeamWorkspace(db);
    const foreign = await createTeamWorkspace(db);
    const vip = await label('vip');
    const ventas = await team('Ventas');
    const sofia = await person({ name: 'Sofía' });
    const theirLabel = await foreign.label('secreta');
    const theirTeam = await foreign.team('Ajeno');

    for (const [actions, param, step] of [
      [[{ action: 'add_label', params: { labelIds: [vip.id] } }, { action: 'remove_label', params: { labelIds: [vip.id, theirLabel.id] } }], 'labelIds', 2],
      [[{ action: 'assign_team', params: { teamId: theirTeam.id } }], 'teamId', 1],
      [[{ action: 'assign_agent', params: { userId: foreign.agent.id } }], 'userId', 1],
    ] as const) {
      await expect(createMacro(agent.ctx, { name: 'M', actions })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'actions', step, param } });
    }
    const fine = await createMacro(agent.ctx, {
      name: 'Todo bien',
      actions: [
        { action: 'add_label', params: { labelIds: [vip.id] } },
        { action: 'assign_team', params: { teamId: ventas.id } },
        { action: 'assign_agent', params: { userId: sofia.id } },
        { action: 'assign_agent', params: { userId: 'self' } },
      ],
    });
    expect(fine.actions).toHaveLength(4);
  });

  it('the owner edits and reorders the steps of a personal macro; nobody else sees it to edit it (NOT_FOUND)', async () => {
    const { db } = database();
    const { admin, agent, person } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const mine = await createMacro(agent.ctx, { name: 'Dos pasos', actions: [note('uno'), { action: 'resolve_conversation' }] });

    const reordered = await updateMacro(agent.ctx, { macroId: mine.id, name: 'Dos pasos, al revés', actions: [{ action: 'resolve_conversation' }, note('uno')] });

    expect(reordered).toMatchObject({ name: 'Dos pasos, al revés', actions: [{ action: 'resolve_conversation', params: {} }, { action: 'add_private_note', params: { content: 'uno' } }] });
    for (const ctx of [sofia.ctx, admin.ctx]) {
      await expect(updateMacro(ctx, { macroId: mine.id, name: 'Mía' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(deleteMacro(ctx, { macroId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(updateMacro(agent.ctx, { macroId: mine.id, actions: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'actions' } });
    expect(await deleteMacro(agent.ctx, { macroId: mine.id })).toEqual({ id: mine.id });
    expect(await db.select().from(macros).where(eq(macros.id, mine.id))).toEqual([]);
  });

  it('global macros are edited and deleted by administrators only; an agent may not make a macro global', async () => {
    const { db } = database();
    const { admin, agent } = await createTeamWorkspace(db);
    const global = await createMacro(admin.ctx, { name: 'Resolver', visibility: 'global', actions: [{ action: 'resolve_conversation' }] });
    const mine = await createMacro(agent.ctx, { name: 'Mía', actions: [note('x')] });

    await expect(updateMacro(agent.ctx, { macroId: global.id, name: 'Cambiada' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteMacro(agent.ctx, { macroId: global.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateMacro(agent.ctx, { macroId: mine.id, visibility: 'global' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await updateMacro(admin.ctx, { macroId: global.id, name: 'Resolver ya' })).toMatchObject({ name: 'Resolver ya', visibility: 'global' });
    // An administrator who makes a global macro personal makes it theirs.
    const other = await createMacro(admin.ctx, { name: 'Otra', visibility: 'global', actions: [note('x')] });
    await db.update(macros).set({ createdById: agent.id }).where(eq(macros.id, other.id));
    expect(await updateMacro(admin.ctx, { macroId: other.id, visibility: 'personal' })).toMatchObject({ visibility: 'personal', createdById: admin.id });
    expect(await deleteMacro(admin.ctx, { macroId: global.id })).toEqual({ id: global.id });
  });

  it('lists the global macros and my personal ones by name, with their steps and the names they refer to', async () => {
    const { db } = database();
    const { admin, agent, accountId, label, team, person } = await createTeamWorkspace(db);
    const sofia = await person({ name: 'Sofía' });
    const vip = await label('vip');
    const ventas = await team('Ventas');
    const escalar = await createMacro(admin.ctx, {
      name: 'Escalar a ventas',
      visibility: 'global',
      actions: [
        { action: 'assign_team', params: { teamId: ventas.id } },
        { action: 'add_label', params: { labelIds: [vip.id] } },
        { action: 'assign_agent', params: { userId: sofia.id } },
      ],
    });
    const mine = await createMacro(agent.ctx, { name: 'a mano', actions: [{ action: 'snooze_conversation', params: { preset: 'tomorrow' } }] });
    await createMacro(sofia.ctx, { name: 'De Sofía', actions: [note('x')] });
    await createMacro(admin.ctx, { name: 'De Marta', actions: [note('x')] });
    // A step stored around the domain, which this version cannot run.
    const legacy = await insertMacro(db, { accountId, createdById: agent.id, name: 'Vieja', actions: [{ action: 'send_email_to_team', params: { teamIds: [1] } }] });

    const listed = await listMacros(agent.ctx);

    expect(listed.map((m) => [m.name, m.visibility, m.canEdit])).toEqual([
      ['a mano', 'personal', true],
      ['Escalar a ventas', 'global', false],
      ['Vieja', 'personal', true],
    ]);
    expect(listed[0].steps).toEqual([{ action: 'snooze_conversation', params: { until: 'tomorrow' }, valid: true }]);
    expect(listed[1]).toMatchObject({ id: escalar.id, createdById: admin.id, createdByName: 'Marta' });
    expect(listed[1].steps).toEqual([
      { action: 'assign_team', params: { teamId: ventas.id }, valid: true, team: { id: ventas.id, name: 'Ventas' } },
      { action: 'add_label', params: { labelIds: [vip.id] }, valid: true, labels: [{ id: vip.id, title: 'vip' }] },
      { action: 'assign_agent', params: { userId: sofia.id }, valid: true, agent: { id: sofia.id, name: 'Sofía' } },
    ]);
    expect(listed[2]).toMatchObject({ id: legacy.id, steps: [{ action: 'send_email_to_team', params: { teamIds: [1] }, valid: false }] });
    expect(mine.visibility).toBe('personal');
    expect((await listMacros(admin.ctx)).map((m) => [m.name, m.canEdit])).toEqual([
      ['De Marta', true],
      ['Escalar a ventas', true],
    ]);
  });

  it("another account's macros are never listed, edited or deleted", async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    const foreign = await createTeamWorkspace(db);
    const theirs = await createMacro(foreign.admin.ctx, { name: 'Ajena', visibility: 'global', actions: [note('x')] });

    expect(await listMacros(admin.ctx)).toEqual([]);
    await expect(updateMacro(admin.ctx, { macroId: theirs.id, name: 'Mía' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteMacro(admin.ctx, { macroId: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteMacro(admin.ctx, { macroId: 'x' as unknown as number })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listMacros(foreign.agent.ctx)).map((m) => m.name)).toEqual(['Ajena']);
  });
});
