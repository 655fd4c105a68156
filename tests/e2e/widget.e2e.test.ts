import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, newAgentPage, screenshotsDir, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';

// A customer's website: a static page with the snippet from Settings, on another origin than the app
// (localhost vs 127.0.0.1, another port), so the widget runs cross-site as it does in the wild.
let site: Server;
let siteUrl: string;
let snippet: string;
let agent: Page;

const launcher = (page: Page) => page.locator('button.bdj-l');
const chat = (page: Page): FrameLocator => page.frameLocator('iframe.bdj-w');
const widgetMessages = (page: Page) => chat(page).getByTestId('widget-messages');
const chatMessages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });

const openWidget = async (page: Page) => {
  await page.goto(siteUrl);
  await launcher(page).click();
  await expect.poll(() => launcher(page).getAttribute('aria-expanded')).toBe('true');
  await chat(page).getByRole('textbox', { name: 'Escribe tu mensaje…' }).waitFor();
};

describe('website widget', () => {
  beforeAll(async () => {
    agent = await newAgentPage();
    await signIn(agent, 'admin@bandeja.test', PASSWORD);
    await agent.goto('/settings/inboxes');
    await agent.locator('a[href^="/settings/inboxes/"]', { hasText: 'Chat del sitio web' }).first().click();
    snippet = (await agent.getByTestId('widget-snippet').textContent()) ?? '';

    site = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="es"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tienda</title></head><body><h1>Tienda de prueba</h1>${snippet}</body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    if (site) await new Promise((resolve) => site.close(resolve));
  });

  test('settings show the two-line snippet; /widget.js is small', async () => {
    expect(snippet).toContain('window.bandejaSettings={inbox:"');
    expect(snippet).toContain(`<script async src="${baseUrl()}/widget.js"></script>`);
    const response = await fetch(`${baseUrl()}/widget.js`);
    expect(response.headers.get('content-type')).toContain('javascript');
    const body = Buffer.from(await response.arrayBuffer());
    const gzipped = gzipSync(body).length;
    console.log(`widget.js: ${body.length} bytes, ${gzipped} bytes gzipped`);
    expect(body.length).toBeLessThan(6 * 1024);
    // Each language's launcher labels are its own, whatever the request's language.
    const labels = JSON.parse(/L=(\{.*?\}\}),d=document/.exec(body.toString())![1]!);
    expect(labels.en).toMatchObject({ open: 'Open the chat', close: 'Close the chat' });
    expect(labels.es).toMatchObject({ open: 'Abrir el chat', close: 'Cerrar el chat' });
  });

  test('a visitor on a phone writes; the agent sees it live, types and replies; the visitor sees both; reload keeps it', async () => {
    const visitor = await newAgentPage({ viewport: { width: 375, height: 740 } });
    // The agent watches the website inbox's list before the visitor writes.
    await agent.goto('/');
    await agent.getByRole('link', { name: /Chat del sitio web/ }).first().click();
    await agent.waitForURL((url) => /^\/inbox\/\d+$/.test(url.pathname));
    await agent.goto(`${new URL(agent.url()).pathname}?tab=all`);

    await openWidget(visitor);
    // Full screen at 375 px.
    const box = await visitor.locator('iframe.bdj-w').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
    const question = `Hola, ¿hacen envíos a Monterrey? ${Date.now()}`;
    const textbox = chat(visitor).getByRole('textbox', { name: 'Escribe tu mensaje…' });
    await textbox.fill(question);
    await textbox.press('Enter');
    await widgetMessages(visitor).getByText(question).waitFor();
    await chat(visitor).getByRole('heading', { name: '¿Cómo te contactamos?' }).waitFor();

    // Live in the agent's list, then in the chat.
    const card = agent.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)', { hasText: question });
    await card.waitFor({ timeout: 5000 });
    await card.getByRole('link').first().click();
    await chatMessages(agent).getByText(question).waitFor();

    // The visitor leaves their contact details.
    await chat(visitor).getByLabel('Nombre').fill('Marta Visitante');
    await chat(visitor).getByLabel('Correo electrónico').fill(`marta.${Date.now()}@cliente.test`);
    await chat(visitor).getByRole('button', { name: 'Guardar' }).click();
    await chat(visitor).getByText('Gracias, Marta Visitante. Te avisaremos por aquí.').waitFor();
    await visitor.screenshot({ path: `${screenshotsDir}/widget-375.png` });

    // The agent types: the visitor sees it; then the reply arrives.
    const composer = agent.locator('form:has(textarea[name="content"])').getByRole('textbox');
    await composer.pressSequentially('Claro, ', { delay: 30 });
    await chat(visitor).getByTestId('widget-typing').getByText('Laura Méndez está escribiendo…').waitFor({ timeout: 5000 });
    const reply = `Claro, llegamos en 48 horas ${Date.now()}`;
    await composer.fill(reply);
    await composer.press('Enter');
    await widgetMessages(visitor).getByText(reply).waitFor({ timeout: 5000 });
    await expect.poll(async () => (await chat(visitor).getByTestId('widget-typing').textContent())?.trim(), { timeout: 8000 }).toBe('');

    // A private note never reaches the visitor.
    await agent.locator('form:has(textarea[name="content"])').getByText('Nota privada', { exact: true }).click();
    const note = `Nota interna ${Date.now()}`;
    await composer.fill(note);
    await composer.press('Enter');
    await chatMessages(agent).getByText(note).waitFor();

    // Escape closes the window and gives the focus back to the launcher.
    await textbox.press('Escape');
    await expect.poll(() => launcher(visitor).getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => visitor.evaluate(() => document.activeElement?.className)).toBe('bdj-l');

    // Reload: the same conversation, with its history.
    // This Chromium blocks the cross-site iframe's storage: the loader keeps the token on the site.
    const frame = visitor.frames().find((candidate) => candidate.url().includes('/widget/'));
    const iframeStorage = await frame?.evaluate(() => {
      try {
        return window.localStorage.length >= 0;
      } catch {
        return false;
      }
    });
    if (!iframeStorage) expect(await visitor.evaluate(() => Object.keys(window.localStorage))).toContain(`bandeja:${snippet.match(/inbox:"([^"]+)"/)?.[1]}`);
    await visitor.reload();
    await launcher(visitor).click();
    await widgetMessages(visitor).getByText(question).waitFor();
    await widgetMessages(visitor).getByText(reply).waitFor();
    expect(await widgetMessages(visitor).getByText(note).count()).toBe(0);
    await visitor.context().close();
  });

  test('keyboard: the launcher is a button reached by Tab and opened with Enter, in English when the browser is', async () => {
    const visitor = await newAgentPage({ locale: 'en-US' });
    await visitor.goto(siteUrl);
    await launcher(visitor).waitFor();
    await visitor.keyboard.press('Tab');
    expect(await visitor.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open the chat');
    await visitor.keyboard.press('Enter');
    await chat(visitor).getByRole('textbox', { name: 'Write your message…' }).waitFor();
    await visitor.keyboard.press('Escape');
    await expect.poll(() => launcher(visitor).getAttribute('aria-expanded')).toBe('false');
    await visitor.context().close();
  });
});
