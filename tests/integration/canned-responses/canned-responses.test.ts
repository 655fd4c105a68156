import { describe, expect, it } from 'vitest';
import { createCannedResponse } from '@/lib/domain/canned-responses/create-canned-response';
import { deleteCannedResponse } from '@/lib/domain/canned-responses/delete-canned-response';
import { listCannedResponses } from '@/lib/domain/canned-responses/list-canned-responses';
import { searchCannedResponses } from '@/lib/domain/canned-responses/search-canned-responses';
import { updateCannedResponse } from '@/lib/domain/canned-responses/update-canned-response';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

describe('canned responses (W2 "/" shortcuts)', () => {
  it('an administrator creates, edits and deletes them; the short code is stored lowercased', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);

    const saludo = await createCannedResponse(admin.ctx, { shortCode: ' Saludo ', content: '¡Hola! ¿En qué te puedo ayudar?' });
    expect(saludo).toEqual({ id: expect.any(Number), shortCode: 'saludo', content: '¡Hola! ¿En qué te puedo ayudar?' });

    expect(await updateCannedResponse(admin.ctx, { cannedResponseId: saludo.id, content: 'Hola 👋' })).toEqual({ ...saludo, content: 'Hola 👋' });
    expect(await updateCannedResponse(admin.ctx, { cannedResponseId: saludo.id, shortCode: 'hola' })).toEqual({ ...saludo, shortCode: 'hola', content: 'Hola 👋' });
    expect(await listCannedResponses(admin.ctx)).toEqual([{ id: saludo.id, shortCode: 'hola', content: 'Hola 👋' }]);

    expect(await deleteCannedResponse(admin.ctx, { cannedResponseId: saludo.id })).toEqual({ id: saludo.id });
    expect(await listCannedResponses(admin.ctx)).toEqual([]);
    await expect(deleteCannedResponse(admin.ctx, { cannedResponseId: saludo.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a short code is unique per account whatever its case (CONFLICT), and free in another account', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    const other = await createTeamWorkspace(db);
    await createCannedResponse(admin.ctx, { shortCode: 'envio', content: 'De 3 a 5 días.' });
    const factura = await createCannedResponse(admin.ctx, { shortCode: 'factura', content: 'Tu RFC, por favor.' });

    await expect(createCannedResponse(admin.ctx, { shortCode: 'ENVIO', content: 'Otra' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'shortCode' } });
    await expect(updateCannedResponse(admin.ctx, { cannedResponseId: factura.id, shortCode: 'Envio' })).rejects.toMatchObject({ code: 'CONFLICT', details: { field: 'shortCode' } });
    expect((await createCannedResponse(other.admin.ctx, { shortCode: 'envio', content: 'Nuestro texto' })).shortCode).toBe('envio');
  });

  it('refuses short codes outside 1..30 of [a-z0-9_-] and content outside 1..5000 characters', async () => {
    const { db } = database();
    const { admin } = await createTeamWorkspace(db);
    for (const [input, field] of [
      [{ shortCode: '', content: 'x' }, 'shortCode'],
      [{ shortCode: 'a'.repeat(31), content: 'x' }, 'shortCode'],
      [{ shortCode: 'con espacio', content: 'x' }, 'shortCode'],
      [{ shortCode: 'envío', content: 'x' }, 'shortCode'],
      [{ shortCode: '/saludo', content: 'x' }, 'shortCode'],
      [{ shortCode: 'ok', content: '   ' }, 'content'],
      [{ shortCode: 'ok', content: 'x'.repeat(5001) }, 'content'],
    ] as const) {
      await expect(createCannedResponse(admin.ctx, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { field } });
    }
    expect((await createCannedResponse(admin.ctx, { shortCode: `${'a'.repeat(28)}_-`, content: 'x'.repeat(5000) })).shortCode).toHaveLength(30);
  });

  it('every agent searches: short codes starting with the query first, then content containing it (accents ignored), at most 10', async () => {
    const { db } = database();
    const { admin, agent } = await createTeamWorkspace(db);
    await createCannedResponse(admin.ctx, { shortCode: 'envio', content: 'Los envíos tardan de 3 a 5 días.' });
    await createCannedResponse(admin.ctx, { shortCode: 'devolucion', content: 'Tienes 30 días; el envío de vuelta es gratis.' });
    await createCannedResponse(admin.ctx, { shortCode: 'saludo', content: '¡Hola!' });
    await createCannedResponse(admin.ctx, { shortCode: 'mi_envio', content: 'Tu paquete va en camino.' });

    expect((await searchCannedResponses(agent.ctx, { q: 'env' })).map((r) => r.shortCode)).toEqual(['envio', 'devolucion']);
    expect((await searchCannedResponses(agent.ctx, { q: '/ENVIO' })).map((r) => r.shortCode)).toEqual(['envio', 'devolucion']);
    expect((await searchCannedResponses(agent.ctx, { q: 'mi_' })).map((r) => r.shortCode)).toEqual(['mi_envio']);
    // '_' and '%' are literal, not LIKE wildcards.
    expect(await searchCannedResponses(agent.ctx, { q: 'e_v' })).toEqual([]);
    expect(await searchCannedResponses(agent.ctx, { q: '%' })).toEqual([]);
    expect((await searchCannedResponses(agent.ctx, { q: '' })).map((r) => r.shortCode)).toEqual(['devolucion', 'envio', 'mi_envio', 'saludo']);

    for (let i = 0; i < 12; i += 1) await createCannedResponse(admin.ctx, { shortCode: `extra${String(i).padStart(2, '0')}`, content: 'envío' });
    const many = await searchCannedResponses(agent.ctx, { q: 'e' });
    expect(many).toHaveLength(10);
    expect(many[0].shortCode).toBe('envio');
  });

  it('agents may not create, edit or delete (FORBIDDEN); another account\'s responses are never found or listed', async () => {
    const { db } = database();
    const { admin, agent } = await createTeamWorkspace(db);
    const other = await createTeamWorkspace(db);
    const mine = await createCannedResponse(admin.ctx, { shortCode: 'saludo', content: 'Hola' });
    const theirs = await createCannedResponse(other.admin.ctx, { shortCode: 'secreto', content: 'Solo nuestro' });

    await expect(createCannedResponse(agent.ctx, { shortCode: 'nuevo', content: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateCannedResponse(agent.ctx, { cannedResponseId: mine.id, content: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(deleteCannedResponse(agent.ctx, { cannedResponseId: mine.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await listCannedResponses(agent.ctx)).toEqual([mine]);

    await expect(updateCannedResponse(admin.ctx, { cannedResponseId: theirs.id, content: 'mío' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteCannedResponse(admin.ctx, { cannedResponseId: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await searchCannedResponses(agent.ctx, { q: 'secreto' })).toEqual([]);
    expect(await searchCannedResponses(agent.ctx, { q: 'nuestro' })).toEqual([]);
    expect(await listCannedResponses(other.agent.ctx)).toEqual([theirs]);
  });
});
