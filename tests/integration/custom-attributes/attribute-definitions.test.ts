import { describe, expect, it } from 'vitest';
import { createAttributeDefinition } from '@/lib/domain/custom-attributes/create-attribute-definition';
import { deleteAttributeDefinition } from '@/lib/domain/custom-attributes/delete-attribute-definition';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import { setAttributeValue } from '@/lib/domain/custom-attributes/set-attribute-value';
import { updateAttributeDefinition } from '@/lib/domain/custom-attributes/update-attribute-definition';
import { reload } from '../../helpers/conversation-actions-factories';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

describe('custom attribute definitions (settings)', () => {
  it('an administrator defines one; the key is derived from the display name as ascii snake_case', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);

    const definition = await createAttributeDefinition(admin.ctx, { model: 'conversation', displayName: '  Número de pedido ', type: 'text', description: 'El pedido' });

    expect(definition).toMatchObject({ model: 'conversation', key: 'numero_de_pedido', displayName: 'Número de pedido', type: 'text', description: 'El pedido', listValues: [], regexPattern: null });
    expect((await listAttributeDefinitions(admin.ctx, { model: 'conversation' })).map((d) => d.key)).toEqual(['numero_de_pedido']);
  });

  it('a typed key is lowercased; a key that is taken in the same model is CONFLICT, in the other model it is free', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    await createAttributeDefinition(admin.ctx, { model: 'contact', displayName: 'Plan', key: 'Plan', type: 'text' });

    await expect(createAttributeDefinition(admin.ctx, { model: 'contact', displayName: 'Plan contratado', key: 'plan', type: 'text' })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'key' },
    });
    expect((await createAttributeDefinition(admin.ctx, { model: 'conversation', displayName: 'Plan', type: 'text' })).key).toBe('plan');
  });

  it('refuses a bad key, a name with nothing to derive a key from, and a list without values or with too many', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    const cases: Array<[Parameters<typeof createAttributeDefinition>[1], string]> = [
      [{ model: 'contact', displayName: 'Fecha', key: 'fecha entrega!', type: 'date' }, 'key'],
      [{ model: 'contact', displayName: '日付', type: 'date' }, 'key'],
      [{ model: 'contact', displayName: '', type: 'date' }, 'displayName'],
      [{ model: 'contact', displayName: 'Canal', type: 'list' }, 'listValues'],
      [{ model: 'contact', displayName: 'Canal', type: 'list', listValues: [] }, 'listValues'],
      [{ model: 'contact', displayName: 'Canal', type: 'list', listValues: Array.from({ length: 51 }, (_, i) => `v${i}`) }, 'listValues'],
      [{ model: 'contact', displayName: 'Canal', type: 'text', listValues: ['a'] }, 'listValues'],
      [{ model: 'contact', displayName: 'Raro', type: 'color' as 'text' }, 'type'],
    ];
    for (const [input, field] of cases) {
      await expect(createAttributeDefinition(admin.ctx, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    }
    expect(await listAttributeDefinitions(admin.ctx)).toEqual([]);
  });

  it('a list keeps 1 to 50 values, repeated ones once', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    const definition = await createAttributeDefinition(admin.ctx, { model: 'conversation', displayName: 'Canal de venta', type: 'list', listValues: ['Tienda', ' Web ', 'Tienda'] });
    expect(definition.listValues).toEqual(['Tienda', 'Web']);
  });

  it('a pattern must compile, be at most 200 characters, be on a text attribute and not nest repetitions', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    const text = { model: 'conversation' as const, displayName: 'Pedido', type: 'text' as const };

    for (const [regexPattern, reason] of [
      ['^PED-[0-9', 'invalid'],
      ['^(a+)+$', 'unsafe'],
      ['^(\\w+\\s?)*$', 'unsafe'],
      ['^([a-z]*){2,}$', 'unsafe'],
      ['^((ab)*c)+$', 'unsafe'],
    ]) {
      await expect(createAttributeDefinition(admin.ctx, { ...text, regexPattern })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field: 'regexPattern', reason } });
    }
    await expect(createAttributeDefinition(admin.ctx, { ...text, regexPattern: `^${'a'.repeat(200)}$` })).rejects.toMatchObject({ details: { field: 'regexPattern' } });
    await expect(createAttributeDefinition(admin.ctx, { ...text, type: 'number', regexPattern: '^\\d+$' })).rejects.toMatchObject({ details: { field: 'regexPattern', reason: 'type' } });

    const fine = await createAttributeDefinition(admin.ctx, { ...text, regexPattern: '^PED-[0-9]{6}$', regexHint: 'Formato PED-123456' });
    expect(fine).toMatchObject({ regexPattern: '^PED-[0-9]{6}$', regexHint: 'Formato PED-123456' });
    // Bounded repetition inside a group is fine: (ab){2} cannot blow up.
    expect((await createAttributeDefinition(admin.ctx, { ...text, displayName: 'Código', regexPattern: '^(ab){2}[0-9]+$' })).key).toBe('codigo');
  });

  it('update changes name, description, list values and pattern; key, model and type stay; stored values are kept', async () => {
    const { db } = database();
    const { admin, conversation } = await createTeamWorkspace(db);
    const canal = await createAttributeDefinition(admin.ctx, { model: 'conversation', displayName: 'Canal', type: 'list', listValues: ['Tienda', 'Web'] });
    const open = await conversation();
    await setAttributeValue(admin.ctx, { model: 'conversation', recordId: open.id, key: 'canal', value: 'Tienda' });

    const updated = await updateAttributeDefinition(admin.ctx, { definitionId: canal.id, displayName: 'Canal de venta', listValues: ['Web', 'Teléfono'], description: 'Dónde' });

    expect(updated).toMatchObject({ id: canal.id, key: 'canal', type: 'list', model: 'conversation', displayName: 'Canal de venta', listValues: ['Web', 'Teléfono'], description: 'Dónde' });
    expect((await reload(db, open.id)).customAttributes).toEqual({ canal: 'Tienda' });
    await expect(updateAttributeDefinition(admin.ctx, { definitionId: canal.id, listValues: [] })).rejects.toMatchObject({ details: { field: 'listValues' } });

    const pedido = await createAttributeDefinition(admin.ctx, { model: 'conversation', displayName: 'Pedido', type: 'text', regexPattern: '^P', regexHint: 'Empieza por P' });
    expect(await updateAttributeDefinition(admin.ctx, { definitionId: pedido.id, regexPattern: '' })).toMatchObject({ regexPattern: null, regexHint: null });
    await expect(updateAttributeDefinition(admin.ctx, { definitionId: pedido.id, regexPattern: '(x+)+' })).rejects.toMatchObject({ details: { reason: 'unsafe' } });
  });

  it('delete removes the definition but not the values stored under its key', async () => {
    const { db } = database();
    const { admin, conversation } = await createTeamWorkspace(db);
    const monto = await createAttributeDefinition(admin.ctx, { model: 'conversation', displayName: 'Monto', type: 'number' });
    const open = await conversation();
    await setAttributeValue(admin.ctx, { model: 'conversation', recordId: open.id, key: 'monto', value: '1500' });

    expect(await deleteAttributeDefinition(admin.ctx, { definitionId: monto.id })).toEqual({ id: monto.id });

    expect(await listAttributeDefinitions(admin.ctx)).toEqual([]);
    expect((await reload(db, open.id)).customAttributes).toEqual({ monto: 1500 });
    await expect(setAttributeValue(admin.ctx, { model: 'conversation', recordId: open.id, key: 'monto', value: '1' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { entity: 'attribute_definition' },
    });
    await expect(deleteAttributeDefinition(admin.ctx, { definitionId: monto.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('agents may read definitions but not change them (FORBIDDEN); another account\'s definition is NOT_FOUND', async () => {
    const { db } = database();
    const { admin, agent } = await createTeamWorkspace(db);
    const foreign = await createTeamWorkspace(db);
    const mine = await createAttributeDefinition(admin.ctx, { model: 'contact', displayName: 'Plan', type: 'text' });
    const theirs = await createAttributeDefinition(foreign.admin.ctx, { model: 'contact', displayName: 'Secreto', type: 'text' });

    expect((await listAttributeDefinitions(agent.ctx)).map((d) => d.key)).toEqual(['plan']);
    await expect(createAttributeDefinition(agent.ctx, { model: 'contact', displayName: 'X', type: 'text' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateAttributeDefinition(agent.ctx, { definitionId: mine.id, displayName: 'Y' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteAttributeDefinition(agent.ctx, { definitionId: mine.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await expect(updateAttributeDefinition(admin.ctx, { definitionId: theirs.id, displayName: 'Mío' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteAttributeDefinition(admin.ctx, { definitionId: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listAttributeDefinitions(foreign.admin.ctx)).map((d) => d.displayName)).toEqual(['Secreto']);
  });
});
