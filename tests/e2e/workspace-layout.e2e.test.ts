import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newAgentPage, screenshotsDir, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';
const PIXEL = path.resolve(import.meta.dirname, 'fixtures/pixel.png');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

const cards = (page: Page) => page.getByRole('list', { name: /^(Conversaciones|Conversations)$/ }).locator(':scope > li:has(article)');
const messages = (page: Page) => page.getByRole('list', { name: /^(Mensajes|Messages)$/ });
const header = (page: Page) => page.getByTestId('chat-header');
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Más detalles' });

// Saved for review under test-results/e2e/layout/, whatever the outcome.
const shot = async (page: Page, name: string) => {
  const dir = path.join(screenshotsDir, 'layout');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
};

const signedIn = async (viewport: { width: number; height: number }) => {
  const page = await newAgentPage({ viewport });
  await signIn(page, 'admin@bandeja.test', PASSWORD);
  await page.goto('/all?tab=all');
  await cards(page).first().waitFor();
  return page;
};

const openFirstConversation = async (page: Page, query = '') => {
  const href = (await cards(page).first().getByRole('link').getAttribute('href'))!;
  await page.goto(`${href.split('?')[0]}${query}`);
  await header(page).waitFor();
  await messages(page).waitFor();
};

// `sideways`: only the left and right edges (a control inside a scrolling list may be scrolled below).
const expectInside = async (locator: Locator, viewport: { width: number; height: number }, what: string, sideways = false) => {
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  const vertical = (inside: boolean) => sideways || inside;
  expect({ what, left: box!.x >= -0.5, right: box!.x + box!.width <= viewport.width + 0.5, top: vertical(box!.y >= -0.5), bottom: vertical(box!.y + box!.height <= viewport.height + 0.5) }).toEqual({
    what,
    left: true,
    right: true,
    top: true,
    bottom: true,
  });
};

// Opens every menu (<details data-menu>) inside `scope` by its summary, checks its panel and every
// control in it lie inside the screen, and closes it with Escape. Returns how many it opened.
const checkMenus = async (page: Page, scope: Locator, viewport: { width: number; height: number }, name: string) => {
  const menus = scope.locator('details[data-menu]');
  const count = await menus.count();
  let opened = 0;
  for (let index = 0; index < count; index++) {
    const menu = menus.nth(index);
    if (!(await menu.locator(':scope > summary').isVisible())) continue;
    await menu.locator(':scope > summary').click();
    const panel = menu.locator(':scope > :not(summary)').first();
    await panel.waitFor();
    const label = `${name} menu ${index} (${await menu.locator(':scope > summary').getAttribute('aria-label')})`;
    await expectInside(panel, viewport, label);
    for (const control of await panel.locator('input:visible, button:visible').all()) await expectInside(control, viewport, `${label}: a control`, true);
    await shot(page, `${name}-menu-${index}-${viewport.width}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    opened++;
  }
  return opened;
};

describe('a dense workspace (issue 13)', () => {
  test('at 1280×800 the list shows at least nine whole conversation cards', async () => {
    const page = await signedIn(DESKTOP);
    await shot(page, 'list-1280');
    const visible = await cards(page).evaluateAll((items, height) => items.filter((item) => {
      const box = item.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= height;
    }).length, DESKTOP.height);
    console.log(`cards fully visible at 1280×800: ${visible}`);
    expect(visible).toBeGreaterThanOrEqual(9);
    // No bulk-actions bar until a card is selected; then it shows.
    const bulk = page.locator('[data-bulk-bar]');
    await expect(bulk.isVisible()).resolves.toBe(false);
    await cards(page).first().getByRole('checkbox').check();
    await bulk.waitFor();
    await cards(page).first().getByRole('checkbox').uncheck();
    await expect.poll(() => bulk.isVisible()).toBe(false);
  });

  test('at 1280×800 the chat header is one row; names keep their width; icon buttons have names and tooltips', async () => {
    const page = await signedIn(DESKTOP);
    await openFirstConversation(page);
    await shot(page, 'chat-1280');
    const box = (await header(page).boundingBox())!;
    console.log(`chat header at 1280: ${box.height} px`);
    expect(box.height).toBeLessThanOrEqual(64);
    expect((await header(page).getByRole('heading').boundingBox())!.width).toBeGreaterThan(60);
    expect((await header(page).locator('[title]').filter({ has: page.locator('xpath=self::span') }).first().boundingBox())!.width).toBeGreaterThan(30);
    for (const name of ['Silenciar', 'Más detalles']) {
      const control = header(page).getByRole(name === 'Más detalles' ? 'link' : 'button', { name, exact: true });
      await expect(control.getAttribute('title')).resolves.toBe(name);
    }
    await expect(header(page).locator('summary[aria-label="Enviar transcripción"]').getAttribute('title')).resolves.toBe('Enviar transcripción');
    await checkMenus(page, header(page), DESKTOP, 'chat-header');
  });

  test('at 375×812 the header takes at most two rows and the messages at least 60 % of the screen', async () => {
    const page = await signedIn(PHONE);
    await shot(page, 'list-375');
    await openFirstConversation(page);
    await shot(page, 'chat-375');
    const headerBox = (await header(page).boundingBox())!;
    const messagesBox = (await messages(page).locator('xpath=..').boundingBox())!;
    const composerBox = (await page.locator('form:has(textarea[name="content"])').boundingBox())!;
    console.log(`phone: header ${headerBox.height} px, messages ${messagesBox.height} px (${Math.round((messagesBox.height / PHONE.height) * 100)} %), composer ${composerBox.height} px`);
    expect(headerBox.height).toBeLessThanOrEqual(110);
    expect(messagesBox.height / PHONE.height).toBeGreaterThanOrEqual(0.6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Focused, the composer opens up: reply/note choice and the send button.
    await page.locator('textarea[name="content"]').focus();
    await page.getByRole('button', { name: 'Enviar', exact: true }).waitFor();
    await page.getByRole('radiogroup').waitFor();
  });

  test('at 375 px every menu of the list toolbar, chat header and sidebar, and the contact dialogs, stay inside the screen', async () => {
    const page = await signedIn(PHONE);
    // The list: the header's bell.
    expect(await checkMenus(page, page.getByRole('region', { name: /lista de conversaciones/i }), PHONE, 'list')).toBeGreaterThan(0);

    await openFirstConversation(page);
    // Status (with the snooze times) and transcript (with its radio buttons and address field).
    expect(await checkMenus(page, header(page), PHONE, 'chat-header')).toBe(2);
    await header(page).locator('summary[aria-label="Enviar transcripción"]').click();
    for (const radio of await page.getByRole('radio').filter({ visible: true }).all()) await expectInside(radio, PHONE, 'transcript radio');
    await expectInside(page.getByRole('textbox', { name: 'Otra dirección de correo' }), PHONE, 'transcript address');
    await page.keyboard.press('Escape');

    // The sidebar: its menus, and every contact dialog it opens.
    await page.getByRole('link', { name: 'Más detalles' }).click();
    await sidebar(page).waitFor();
    await shot(page, 'sidebar-375');
    await expectInside(sidebar(page), PHONE, 'sidebar');
    await checkMenus(page, sidebar(page), PHONE, 'sidebar');
    const dialogLinks = await sidebar(page).locator('a[href*="contact="]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(dialogLinks.length).toBeGreaterThan(0);
    for (const href of dialogLinks) {
      await page.goto(href);
      const dialog = page.locator('dialog[open]');
      await dialog.waitFor();
      await expectInside(dialog, PHONE, `dialog ${new URL(href).searchParams.get('contact')}`);
    }
  });

  test('"Más detalles" stays open when the agent opens another conversation', async () => {
    const page = await signedIn(DESKTOP);
    await openFirstConversation(page, '?details=1');
    await sidebar(page).waitFor();
    await cards(page).nth(1).getByRole('link').click();
    await page.waitForURL((url) => url.searchParams.get('details') === '1' && url.pathname !== '/all');
    await sidebar(page).waitFor();
    await shot(page, 'sidebar-1280');
  });

  test('an email conversation shows its subject in the header and its messages', async () => {
    const page = await signedIn(DESKTOP);
    // A seeded one (the newest may have been started by another test, from the contact card).
    const emailCard = cards(page).filter({ hasText: 'Correo de soporte' }).last();
    await page.goto((await emailCard.getByRole('link').getAttribute('href'))!.split('?')[0]!);
    await header(page).getByTestId('conversation-subject').waitFor();
    expect(await messages(page).getByTestId('message-subject').count()).toBeGreaterThan(0);
  });

  test('without JavaScript the composer adds a note ("Añadir nota") with a file picked in its plain file input', async () => {
    const page = await newAgentPage({ javaScriptEnabled: false });
    await signIn(page, 'admin@bandeja.test', PASSWORD);
    await page.goto('/all?tab=all');
    await cards(page).first().waitFor();
    await page.goto((await cards(page).nth(2).getByRole('link').getAttribute('href'))!.split('?')[0]!);
    const form = page.locator('form:has(textarea[name="content"])');
    await form.getByRole('button', { name: 'Enviar', exact: true }).waitFor();
    // Recording needs JavaScript: no dead microphone button (components/chat/voice-recorder.tsx).
    expect(await form.getByRole('button', { name: 'Grabar nota de voz' }).count()).toBe(0);
    await form.locator('label:has(input[value="note"])').click();
    await form.getByRole('button', { name: 'Añadir nota', exact: true }).waitFor();
    const note = `Nota sin JavaScript ${Date.now()}`;
    await form.locator('textarea[name="content"]').fill(note);
    await form.locator('input[type="file"][name="files"]').setInputFiles(PIXEL);
    await form.getByRole('button', { name: 'Añadir nota', exact: true }).click();
    const sent = messages(page).locator('[data-message-type="private"]', { hasText: note });
    await expect.poll(async () => {
      if (await sent.count()) return true;
      await page.reload();
      return (await sent.count()) > 0;
    }, { timeout: 15_000 }).toBe(true);
    await sent.locator('img[alt="pixel.png"]').waitFor({ state: 'attached' });
  });

  for (const viewport of [DESKTOP, PHONE]) {
    test(`the seeded view "Facturación abierta" opens from the views panel with its conversations, at ${viewport.width} px`, async () => {
      // Carlos's view (saved views are their agent's).
      const page = await newAgentPage({ viewport });
      await signIn(page, 'carlos@bandeja.test', PASSWORD);
      // A phone shows the views panel as a drawer (#views).
      await page.goto(viewport === PHONE ? '/all?tab=all#views' : '/all?tab=all');
      const link = page.locator('a[data-view-link="Facturación abierta"]');
      await link.click();
      await page.waitForURL((url) => url.pathname.startsWith('/view/'));
      await cards(page).first().waitFor();
      // On a phone the drawer has closed over the view it opened.
      await expect.poll(() => page.getByRole('complementary', { name: 'Vistas' }).isVisible()).toBe(viewport === DESKTOP);
      await expect(page.getByText('El filtro no es válido').count()).resolves.toBe(0);
      // Its rule: open conversations labelled facturacion; every card says so.
      for (const card of await cards(page).all()) await expect(card.textContent()).resolves.toContain('facturacion');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await shot(page, `view-facturacion-${viewport.width}`);
    });
  }

  test('at 375 px a search over 200 characters searches the first 200 and says so; a long paste in the box says the limit', async () => {
    const page = await signedIn(PHONE);
    const long = 'pedido dañado '.repeat(25);
    await page.goto(`/search?q=${encodeURIComponent(long)}`);
    await page.getByText('Tu búsqueda tenía más de 200 caracteres').waitFor();
    await expect(page.getByText('Application error').count()).resolves.toBe(0);
    const box = page.locator('#search-q');
    await expect(box.inputValue()).resolves.toHaveLength(200);
    await box.fill('');
    await box.fill('x'.repeat(250));
    await expect(box.inputValue()).resolves.toHaveLength(200);
    const hint = page.getByRole('status').filter({ hasText: 'La búsqueda se limita a 200 caracteres.' });
    await hint.waitFor();
    await expectInside(hint, PHONE, 'the limit hint');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await shot(page, 'search-long-375');
  });
});
