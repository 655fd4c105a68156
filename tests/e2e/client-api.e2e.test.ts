import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

// A page of someone else's site, on another origin (another port), for the browser to call the
// client API from: the CORS preflight must let a JSON POST through.
let site: http.Server;
let siteUrl = '';
beforeAll(async () => {
  site = http.createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Tienda</title><p>tienda</p>'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

describe('client API from a browser on another origin (issue 12 #1, #6)', () => {
  test('a site POSTs JSON to the client API from Chromium; a second contact claiming the same email gets its own contact, and the agent is offered the merge', async () => {
    const admin = await newAgentPage();
    await signIn(admin, 'admin@bandeja.test', 'bandeja-demo');
    await admin.goto('/settings/webhooks');
    const path = (await admin.locator('[data-testid^="api-inboxes-"]').first().innerText()).replace(/^https?:\/\/[^/]+/, '');
    expect(path).toMatch(/^\/public\/api\/v1\/inboxes\/[0-9a-f]+$/);

    const shop = await newAgentPage();
    await shop.goto(siteUrl);
    expect(new URL(siteUrl).origin).not.toBe(new URL(baseUrl()).origin);
    const stamp = Date.now();
    const text = `Quiero mi pedido ${stamp}`;
    // Everything below runs in the site's page: Chromium sends the preflight and enforces CORS.
    const result = await shop.evaluate(
      async ({ api, email, text }) => {
        const post = async (url: string, body: unknown) => {
          const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          return { status: response.status, body: await response.json() };
        };
        const owner = await post(`${api}/contacts`, { name: 'Dueña Real', email });
        const claimer = await post(`${api}/contacts`, { name: 'Quien Reclama', email: email.toUpperCase() });
        const conversation = await post(`${api}/contacts/${claimer.body.source_id}/conversations`, {});
        const message = await post(`${api}/contacts/${claimer.body.source_id}/conversations/${conversation.body.id}/messages`, { content: text });
        return { owner, claimer, message };
      },
      { api: `${baseUrl()}${path}`, email: `duena-${stamp}@cliente.test`, text },
    );
    expect(result.owner.status).toBe(200);
    expect(result.claimer.status).toBe(200);
    expect(result.claimer.body.id).not.toBe(result.owner.body.id);
    expect(result.claimer.body.email).toBe(`duena-${stamp}@cliente.test`);
    expect(result.message).toMatchObject({ status: 200, body: { content: text, sender: { type: 'contact' } } });

    // The agent opens the conversation's details: the other contact is a suggested duplicate.
    await admin.goto('/unattended?tab=all');
    await admin.locator('article', { hasText: text }).first().getByRole('link').click();
    await admin.getByText(text).first().waitFor();
    await admin.getByRole('link', { name: 'Más detalles' }).click();
    const duplicates = admin.getByTestId('suggested-duplicates');
    await duplicates.getByRole('heading', { name: 'Posibles duplicados' }).waitFor();
    await duplicates.getByText('Dueña Real').waitFor();
    await duplicates.getByRole('link', { name: 'Revisar y combinar' }).click();
    await admin.getByRole('heading', { name: 'Combinar contacto' }).waitFor();
    await admin.getByText('Dueña Real').first().waitFor();
  });
});
