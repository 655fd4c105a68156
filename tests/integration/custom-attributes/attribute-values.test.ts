import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts } from '@/db/schema';
import { clearAttributeValue } from '@/lib/domain/custom-attributes/clear-attribute-value';
import { createAttributeDefinition } from '@/lib/domain/custom-attributes/create-attribute-definition';
import { saveAttributeValues } from '@/lib/domain/custom-attributes/save-attribute-values';
import { setAttributeValue } from '@/lib/domain/custom-attributes/set-attribute-value';
import { activitiesOf, reload } from '../../helpers/conversation-actions-factories';
import { useTestDatabase } from '../../helpers/db';
import { createContact, createConversation, createInbox } from '../../helpers/factories';
import { createTeamWorkspace, type TeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

// One definition of each type on conversations, as the demo account has them.
const defineAll = async (workspace: TeamWorkspace) => {
  const ctx = workspace.admin.ctx;
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Número de pedido', key: 'numero_pedido', type: 'text', regexPattern: '^PED-[0-9]{6}$', regexHint: 'Formato PED-123456' });
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Nota', type: 'text' });
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Monto', type: 'number' });
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Sitio', type: 'link' });
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Fecha de entrega', key: 'fecha_entrega', type: 'date' });
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Canal', type: 'list', listValues: ['Tienda', 'Web'] });
  await createAttributeDefinition(ctx, { model: 'conversation', displayName: 'Requiere seguimiento', key: 'seguimiento', type: 'checkbox' });
};

describe('custom attribute values (A1 conversation, A2 contact)', () => {
  it('the sidebar saves several at once, clearing the emptied ones; one bad value refuses all, naming it', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    const open = await workspace.conversation();
    const { ctx } = workspace.agent;
    await setAttributeValue(ctx, { model: 'conversation', recordId: open.id, key: 'nota', value: 'antes' });
    const before = (await activitiesOf(db, open.id)).length;

    await expect(
      saveAttributeValues(ctx, { model: 'conversation', recordId: open.id, values: { monto: '12', numero_pedido: '123', nota: null } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'numero_pedido', reason: 'pattern', hint: 'Formato PED-123456' } });
    await expect(saveAttributeValues(ctx, { model: 'conversation', recordId: open.id, values: { inventado: 'x' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'inventado' },
    });
    expect((await reload(db, open.id)).customAttributes).toEqual({ nota: 'antes' });
    expect(await activitiesOf(db, open.id)).toHaveLength(before);

    const saved = await saveAttributeValues(ctx, { model: 'conversation', recordId: open.id, values: { monto: '12', numero_pedido: 'PED-123456', nota: null, seguimiento: 'true' } });
    expect(saved).toEqual({ monto: 12, numero_pedido: 'PED-123456', seguimiento: true });
    expect((await reload(db, open.id)).customAttributes).toEqual(saved);
    // One activity line per change, as when saved one by one.
    expect(await activitiesOf(db, open.id)).toHaveLength(before + 4);
  });


  it('each type stores its own kind of value: numbers as numbers, checkboxes as booleans', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    const open = await workspace.conversation();
    const set = (key: string, value: unknown) => setAttributeValue(workspace.agent.ctx, { model: 'conversation', recordId: open.id, key, value });

    await set('numero_pedido', ' PED-123456 ');
    await set('nota', 'Cliente frecuente');
    await set('monto', '1500.50');
    await set('sitio', 'https://tienda.example/pedido?id=1');
    await set('fecha_entrega', '2024-02-29');
    await set('canal', 'Web');
    const attributes = await set('seguimiento', 'on');

    const expected = {
      numero_pedido: 'PED-123456',
      nota: 'Cliente frecuente',
      monto: 1500.5,
      sitio: 'https://tienda.example/pedido?id=1',
      fecha_entrega: '2024-02-29',
      canal: 'Web',
      seguimiento: true,
    };
    expect(attributes).toEqual(expected);
    expect((await reload(db, open.id)).customAttributes).toEqual(expected);
    expect(await set('seguimiento', 'false')).toMatchObject({ seguimiento: false });
    expect(await set('monto', -3)).toMatchObject({ monto: -3 });
  });

  it('invalid values are refused per type, naming the attribute; nothing is written', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    const open = await workspace.conversation();
    const cases: Array<[string, unknown, string]> = [
      ['nota', 'x'.repeat(1001), 'too_long'],
      ['nota', '   ', 'required'],
      ['nota', true, 'invalid'],
      ['monto', 'doce', 'invalid'],
      ['monto', '1,5', 'invalid'],
      ['monto', 'Infinity', 'invalid'],
      ['monto', '0x10', 'invalid'],
      ['monto', Number.NaN, 'invalid'],
      ['sitio', 'javascript:alert(1)', 'invalid'],
      ['sitio', 'ftp://files.example', 'invalid'],
      ['sitio', 'tienda.example', 'invalid'],
      ['fecha_entrega', '2023-02-29', 'invalid'],
      ['fecha_entrega', '2024-13-01', 'invalid'],
      ['fecha_entrega', '29/02/2024', 'invalid'],
      ['canal', 'Teléfono', 'invalid'],
      ['canal', 'web', 'invalid'],
      ['seguimiento', 'yes', 'invalid'],
      ['seguimiento', 1, 'invalid'],
    ];
    for (const [key, value, reason] of cases) {
      await expect(setAttributeValue(workspace.agent.ctx, { model: 'conversation', recordId: open.id, key, value }), `${key}=${String(value)}`).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: key, reason },
      });
    }
    expect((await reload(db, open.id)).customAttributes).toEqual({});
    expect(await activitiesOf(db, open.id)).toEqual([]);
    expect(workspace.agent.ctx.published).toEqual([]);
  });

  it("a value that fails the definition's pattern is refused with its hint", async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    const open = await workspace.conversation();

    await expect(setAttributeValue(workspace.agent.ctx, { model: 'conversation', recordId: open.id, key: 'numero_pedido', value: 'PED-12' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'numero_pedido', reason: 'pattern', hint: 'Formato PED-123456' },
    });
  });

  it('setting, changing and clearing a conversation attribute each write their activity and events; the same value again writes nothing', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    const open = await workspace.conversation();
    const { ctx } = workspace.agent;
    const target = { model: 'conversation' as const, recordId: open.id };

    await setAttributeValue(ctx, { ...target, key: 'monto', value: '1500' });
    await setAttributeValue(ctx, { ...target, key: 'monto', value: 1500 });
    await setAttributeValue(ctx, { ...target, key: 'monto', value: '2000' });
    await setAttributeValue(ctx, { ...target, key: 'seguimiento', value: true });
    expect(await clearAttributeValue(ctx, { ...target, key: 'monto' })).toEqual({ seguimiento: true });
    await clearAttributeValue(ctx, { ...target, key: 'monto' });

    const activities = await activitiesOf(db, open.id);
    expect(activities.map((m) => m.content)).toEqual([
      'Carlos cambió «Monto» a 1500',
      'Carlos cambió «Monto» a 2000',
      'Carlos cambió «Requiere seguimiento» a sí',
      'Carlos borró «Monto»',
    ]);
    expect(activities[1].contentAttributes.activity).toMatchObject({ action: 'attribute_changed', key: 'monto', displayName: 'Monto', value: 2000, previousValue: 1500 });
    expect(activities[3].contentAttributes.activity).toMatchObject({ action: 'attribute_cleared', key: 'monto', previousValue: 2000 });
    const channel = `private-account-${workspace.accountId}-inbox-${workspace.inboxId}`;
    const state = { status: open.status, assigneeId: open.assigneeId };
    expect(ctx.published.filter((e) => e.event === 'conversation.updated').map((e) => e.data)).toEqual([
      { conversationId: open.id, attributeKey: 'monto', attributeValue: 1500, updatedAt: expect.any(String), conversation: state },
      { conversationId: open.id, attributeKey: 'monto', attributeValue: 2000, updatedAt: expect.any(String), conversation: state },
      { conversationId: open.id, attributeKey: 'seguimiento', attributeValue: true, updatedAt: expect.any(String), conversation: state },
      { conversationId: open.id, attributeKey: 'monto', attributeValue: null, updatedAt: expect.any(String), conversation: state },
    ]);
    expect(ctx.published.every((e) => e.channel === channel)).toBe(true);
  });

  it('the activity reads in the account language: English', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { locale: 'en' });
    await defineAll(workspace);
    const open = await workspace.conversation();
    const target = { model: 'conversation' as const, recordId: open.id };

    await setAttributeValue(workspace.agent.ctx, { ...target, key: 'seguimiento', value: 'false' });
    await setAttributeValue(workspace.agent.ctx, { ...target, key: 'nota', value: 'x'.repeat(1000) });
    await clearAttributeValue(workspace.agent.ctx, { ...target, key: 'seguimiento' });

    expect((await activitiesOf(db, open.id)).map((m) => m.content)).toEqual([
      'Carlos set "Requiere seguimiento" to no',
      `Carlos set "Nota" to ${'x'.repeat(99)}…`,
      'Carlos cleared "Requiere seguimiento"',
    ]);
  });

  it('contact attributes are validated the same way, write no activity and publish contact.updated', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db, { locale: 'en' });
    await createAttributeDefinition(workspace.admin.ctx, { model: 'contact', displayName: 'Cliente desde', key: 'cliente_desde', type: 'date' });
    const open = await workspace.conversation();
    const { ctx } = workspace.agent;

    expect(await setAttributeValue(ctx, { model: 'contact', recordId: open.contactId, key: 'cliente_desde', value: '2021-06-01' })).toEqual({ cliente_desde: '2021-06-01' });
    await expect(setAttributeValue(ctx, { model: 'contact', recordId: open.contactId, key: 'cliente_desde', value: 'ayer' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { field: 'cliente_desde', reason: 'invalid' },
    });
    // A conversation attribute key is not a contact attribute.
    await expect(setAttributeValue(ctx, { model: 'conversation', recordId: open.id, key: 'cliente_desde', value: '2021-06-01' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await clearAttributeValue(ctx, { model: 'contact', recordId: open.contactId, key: 'cliente_desde' })).toEqual({});

    expect(await activitiesOf(db, open.id)).toEqual([]);
    const channel = `private-account-${workspace.accountId}-inbox-${workspace.inboxId}`;
    expect(ctx.published).toEqual([
      { channel, event: 'contact.updated', data: { contactId: open.contactId, attributeKey: 'cliente_desde', updatedAt: expect.any(String) } },
      { channel, event: 'contact.updated', data: { contactId: open.contactId, attributeKey: 'cliente_desde', updatedAt: expect.any(String) } },
    ]);
  });

  it('a value never replaces other attributes written meanwhile (keys are merged in SQL)', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    const open = await workspace.conversation();
    await db.update(contacts).set({ customAttributes: { importado: 'sí' } }).where(eq(contacts.id, open.contactId));
    await createAttributeDefinition(workspace.admin.ctx, { model: 'contact', displayName: 'Plan', type: 'list', listValues: ['Básico', 'Empresa'] });

    expect(await setAttributeValue(workspace.agent.ctx, { model: 'contact', recordId: open.contactId, key: 'plan', value: 'Empresa' })).toEqual({ importado: 'sí', plan: 'Empresa' });
  });

  it('records the agent may not see are NOT_FOUND: another inbox, a contact with no conversation in their inboxes, another account', async () => {
    const { db } = database();
    const workspace = await createTeamWorkspace(db);
    await defineAll(workspace);
    await createAttributeDefinition(workspace.admin.ctx, { model: 'contact', displayName: 'Plan', type: 'text' });
    const hiddenInbox = await createInbox(db, { accountId: workspace.accountId });
    const hidden = await createConversation(db, { accountId: workspace.accountId, inboxId: hiddenInbox.id });
    const loneContact = await createContact(db, { accountId: workspace.accountId });
    const foreign = await createTeamWorkspace(db);
    await defineAll(foreign);
    await createAttributeDefinition(foreign.admin.ctx, { model: 'contact', displayName: 'Plan', type: 'text' });
    const foreignConversation = await foreign.conversation();
    const { ctx } = workspace.agent;

    for (const [model, recordId, key] of [
      ['conversation', hidden.id, 'nota'],
      ['contact', hidden.contactId, 'plan'],
      ['contact', loneContact.id, 'plan'],
      ['conversation', foreignConversation.id, 'nota'],
      ['contact', foreignConversation.contactId, 'plan'],
      ['conversation', 'abc', 'nota'],
    ] as const) {
      await expect(setAttributeValue(ctx, { model, recordId: recordId as number, key, value: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: model } });
      await expect(clearAttributeValue(ctx, { model, recordId: recordId as number, key })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { entity: model } });
    }
    // Their administrator sees the whole account, but still not the other account.
    expect(await setAttributeValue(workspace.admin.ctx, { model: 'contact', recordId: loneContact.id, key: 'plan', value: 'Oro' })).toEqual({ plan: 'Oro' });
    await expect(setAttributeValue(workspace.admin.ctx, { model: 'conversation', recordId: foreignConversation.id, key: 'nota', value: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await reload(db, foreignConversation.id)).customAttributes).toEqual({});
  });
});
