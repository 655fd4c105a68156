import { describe, expect, it } from 'vitest';
import { getCannedResponses } from '@/app/api/canned-responses/_lib/get-canned-responses';
import { createCannedResponse } from '@/lib/domain/canned-responses/create-canned-response';
import { useTestDatabase } from '../../helpers/db';
import { createTeamWorkspace } from '../../helpers/macro-factories';

const database = useTestDatabase();

const get = async (ctx: Parameters<typeof getCannedResponses>[0], q: string) =>
  (await (await getCannedResponses(ctx, new Request(`http://localhost/api/canned-responses?q=${encodeURIComponent(q)}`))).json()) as { cannedResponses: Array<{ shortCode: string }> };

describe('GET /api/canned-responses (the composer\u2019s "/" picker)', () => {
  it('any agent of the account gets its matching responses, never another account\u2019s', async () => {
    const { db } = database();
    const { admin, agent } = await createTeamWorkspace(db);
    const other = await createTeamWorkspace(db);
    await createCannedResponse(admin.ctx, { shortCode: 'saludo', content: 'Hola, ¿en qué te ayudo?' });
    await createCannedResponse(admin.ctx, { shortCode: 'despedida', content: 'Gracias por escribir.' });
    await createCannedResponse(other.admin.ctx, { shortCode: 'saludo_ajeno', content: 'Hola desde otra cuenta' });

    const response = await getCannedResponses(agent.ctx, new Request('http://localhost/api/canned-responses?q=sal'));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect((await response.json()).cannedResponses.map((item: { shortCode: string }) => item.shortCode)).toEqual(['saludo']);
    expect((await get(agent.ctx, '')).cannedResponses.map((item) => item.shortCode)).toEqual(['despedida', 'saludo']);
    expect((await get(agent.ctx, 'gracias')).cannedResponses.map((item) => item.shortCode)).toEqual(['despedida']);
  });
});
