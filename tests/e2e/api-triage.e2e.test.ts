import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';
const messages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });

// Issue 14: a token made in the profile page drives a whole triage through the HTTP API (list mine,
// assign, reply, label, resolve) while another agent watches the conversation live in her browser.
describe('application API: a triage through the API, seen live', () => {
  test('token from the profile page; list mine, assign, reply, label, resolve; Sofía sees it live', async () => {
    const carlos = await newAgentPage();
    await signIn(carlos, 'carlos@bandeja.test', PASSWORD);
    await carlos.goto('/settings/profile');
    await carlos.getByLabel('Nombre del token').fill('n8n', { timeout: 10_000 });
    await carlos.getByRole('button', { name: 'Crear token' }).click();
    const tokenField = carlos.getByTestId('new-api-token');
    await tokenField.waitFor({ timeout: 10_000 });
    const token = await tokenField.inputValue();
    expect(token).toMatch(/^bdj_/);
    // The list shows it; its text is not shown again after a reload.
    await carlos.reload();
    await expect.poll(() => carlos.getByRole('list', { name: 'Tus tokens' }).textContent()).toContain('n8n');
    expect(await carlos.getByTestId('new-api-token').count()).toBe(0);

    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${baseUrl()}${path}`, {
        method,
        headers: { api_access_token: token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: await response.json() };
    };
    const profile = await call('GET', '/api/v1/profile');
    expect(profile.status).toBe(200);
    const accountId = profile.body.account_id as number;
    const api = (method: string, path: string, body?: unknown) => call(method, `/api/v1/accounts/${accountId}${path}`, body);

    // Sofía opens a conversation of the website inbox they share.
    const sofia = await newAgentPage();
    await signIn(sofia, 'sofia@bandeja.test', PASSWORD);
    await sofia.getByRole('link', { name: /Chat del sitio web/ }).first().click();
    await sofia.waitForURL((url) => /^\/inbox\/\d+$/.test(url.pathname));
    await sofia.goto(`${new URL(sofia.url()).pathname}?tab=all`);
    await sofia.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)').first().getByRole('link').click();
    await sofia.waitForURL((url) => /^\/inbox\/\d+\/\d+$/.test(url.pathname));
    await messages(sofia).locator('li').first().waitFor();
    const header = await sofia.getByText(/^#\d+$/).first().textContent({ timeout: 5000 });
    const displayId = Number(header?.slice(1));
    expect(displayId).toBeGreaterThan(0);

    // List mine, assign to me, and the conversation is among mine.
    expect((await api('GET', '/conversations?assignee_type=me')).status).toBe(200);
    expect((await api('POST', `/conversations/${displayId}/assignments`, { assignee_id: profile.body.id })).body).toMatchObject({ id: profile.body.id });
    const mine = await api('GET', '/conversations?assignee_type=me&status=all');
    expect(mine.body.data.payload.map((conversation: { id: number }) => conversation.id)).toContain(displayId);

    // Reply: Sofía sees it arrive without reloading.
    const text = `Respuesta desde la API ${Date.now()}`;
    expect((await api('POST', `/conversations/${displayId}/messages`, { content: text })).status).toBe(200);
    await messages(sofia).getByText(text).waitFor({ timeout: 10_000 });

    // Label with one of the account's labels, then resolve: each change shows up as an activity line.
    const [label] = (await api('GET', '/labels')).body.payload as Array<{ title: string }>;
    expect((await api('POST', `/conversations/${displayId}/labels`, { labels: [label.title] })).body.payload).toContain(label.title);
    const activities = () => messages(sofia).locator('[data-message-type="activity"]').count();
    const before = await activities();
    expect((await api('POST', `/conversations/${displayId}/toggle_status`, { status: 'resolved' })).body.payload.current_status).toBe('resolved');
    await expect.poll(activities, { timeout: 10_000 }).toBeGreaterThan(before);
    expect((await api('GET', `/conversations/${displayId}`)).body).toMatchObject({ status: 'resolved', labels: expect.arrayContaining([label.title]) });
  }, 90_000);
});
