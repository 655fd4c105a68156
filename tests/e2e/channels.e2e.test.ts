import { describe, expect, test } from 'vitest';
import { baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';

const api = async (path: string, body: unknown) => {
  const response = await fetch(`${baseUrl()}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};

describe('channels: the API inbox and webhook settings', () => {
  test('an administrator on a phone finds the API inbox path, is refused a private webhook target, and sees a customer message posted through the client API', async () => {
    const page = await newAgentPage({ viewport: { width: 375, height: 740 } });
    await signIn(page, 'admin@bandeja.test', PASSWORD);
    await page.goto('/settings/webhooks');
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

    // The API inbox's base path, as an administrator would copy it.
    const path = (await page.locator('[data-testid^="api-inboxes-"]').first().innerText()).replace(/^https?:\/\/[^/]+/, '');
    expect(path).toMatch(/^\/public\/api\/v1\/inboxes\/[0-9a-f]+$/);

    // Production mode: a loopback target is refused with the reason.
    await page.getByLabel('URL de destino').first().fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Crear webhook' }).click();
    await page.getByRole('alert').filter({ hasText: 'dirección privada' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // A customer writes through the public client API.
    const contact = await api(`${path}/contacts`, { name: 'Cliente E2E', email: `e2e-${Date.now()}@cliente.test` });
    expect(contact.status).toBe(200);
    const conversation = await api(`${path}/contacts/${contact.body.source_id}/conversations`, {});
    const text = `Hola desde la API ${Date.now()}`;
    const message = await api(`${path}/contacts/${contact.body.source_id}/conversations/${conversation.body.id}/messages`, { content: text });
    expect(message.status).toBe(200);
    expect((await api(`${path}/contacts/${contact.body.source_id}/conversations/${conversation.body.id}/messages`, { content: '' })).status).toBe(422);

    // A file through the client API (multipart, Chatwoot's attachments[]): its signed link opens it.
    const messagesPath = `${path}/contacts/${contact.body.source_id}/conversations/${conversation.body.id}/messages`;
    const form = new FormData();
    form.append('content', 'Con archivo');
    form.append('attachments[]', new Blob(['hola archivo']), 'nota.txt');
    const withFile = await fetch(`${baseUrl()}${messagesPath}`, { method: 'POST', body: form });
    expect(withFile.status).toBe(200);
    const dataUrl = new URL((await withFile.json()).attachments[0].data_url);
    const download = await fetch(`${baseUrl()}${dataUrl.pathname}${dataUrl.search}`);
    expect(await download.text()).toBe('hola archivo');

    // The list previews the conversation's latest message; the chat has both.
    await page.goto('/unattended?tab=all');
    await page.locator('article', { hasText: 'Con archivo' }).first().getByRole('link').click();
    await page.getByText(text).first().waitFor();

    // The customer types (toggle_typing): the agent with the conversation open sees it.
    await page.getByTestId('typing-indicator').waitFor();
    const typing = page.getByTestId('typing-indicator').filter({ hasText: 'El cliente está escribiendo…' });
    // `on` again every 2.5 s (past the throttle) until the page's realtime subscription hears one.
    const typingPath = `${path}/contacts/${contact.body.source_id}/conversations/${conversation.body.id}/toggle_typing`;
    for (let attempt = 0; attempt < 8 && !(await typing.isVisible()); attempt++) {
      await api(typingPath, { typing_status: 'on' });
      await typing.waitFor({ timeout: 2500 }).catch(() => {});
    }
    await typing.waitFor({ timeout: 1000 });
    await api(typingPath, { typing_status: 'off' });
    await page.getByTestId('typing-indicator').filter({ hasNotText: 'escribiendo' }).waitFor();
  });
});
