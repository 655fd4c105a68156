import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';

const cards = (page: Page) => page.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)');
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Asignación' }).getByRole('link', { name: new RegExp(`^${name}`) });
const tabCount = async (page: Page, name: string) => Number((await tab(page, name).locator('span').textContent())?.trim());

const signedInAdmin = async (viewport?: { width: number; height: number }) => {
  const page = await newAgentPage(viewport ? { viewport } : {});
  await signIn(page, 'admin@bandeja.test', PASSWORD);
  await page.getByRole('region', { name: 'Lista de conversaciones' }).waitFor();
  return page;
};

// Scrolls the list until infinite scroll has loaded every page.
const loadAll = async (page: Page) => {
  for (let previous = -1; ; ) {
    const count = await cards(page).count();
    if (count === previous) return count;
    previous = count;
    await cards(page).last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(700);
  }
};

describe('the conversation list', () => {
  test('tabs count what they list, across pages loaded by infinite scroll', async () => {
    const page = await signedInAdmin();
    await tab(page, 'Todos').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'all');
    const expected = await tabCount(page, 'Todos');
    expect(expected).toBeGreaterThan(25);
    expect(await loadAll(page)).toBe(expected);

    await tab(page, 'Sin asignar').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'unassigned');
    expect(await loadAll(page)).toBe(await tabCount(page, 'Sin asignar'));
    for (const card of await cards(page).all()) await expect(card.textContent()).resolves.toContain('Sin asignar');
  });

  test('status and sort change the list and stay in the URL', async () => {
    const page = await signedInAdmin();
    await page.getByRole('combobox', { name: 'Estado' }).selectOption('resolved');
    await page.waitForURL((url) => url.searchParams.get('status') === 'resolved');
    await cards(page).first().waitFor();

    await page.getByRole('combobox', { name: 'Ordenar por' }).selectOption('priority');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'priority' && url.searchParams.get('status') === 'resolved');
    await tab(page, 'Todos').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'all');
    await expect(cards(page).first().textContent()).resolves.toContain('Urgente');

    // The link is shareable: opening it fresh shows the same state.
    const again = await signedInAdmin();
    await again.goto(page.url());
    await expect(again.getByRole('combobox', { name: 'Estado' }).inputValue()).resolves.toBe('resolved');
    await expect(again.getByRole('combobox', { name: 'Ordenar por' }).inputValue()).resolves.toBe('priority');
  });

  test('every kind of view opens from the views panel, highlighted', async () => {
    const page = await signedInAdmin();
    const views = page.getByRole('complementary', { name: 'Vistas' });
    for (const [name, path] of [['Menciones', /\/mentions$/], ['Desatendido', /\/unattended$/], ['Correo de soporte', /\/inbox\/\d+$/], ['facturacion', /\/label\/\d+$/], ['Ventas', /\/team\/\d+$/]] as const) {
      await views.getByRole('link', { name: new RegExp(name) }).click();
      await page.waitForURL((url) => path.test(url.pathname));
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(name);
      await expect(views.getByRole('link', { name: new RegExp(name) }).getAttribute('aria-current')).resolves.toBe('page');
    }
  });

  test('a filter narrows the list and is saved as a view', async () => {
    const page = await signedInAdmin();
    await tab(page, 'Todos').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'all');
    await page.getByRole('link', { name: 'Filtrar' }).click();
    await page.getByRole('combobox', { name: 'Campo de la condición 1' }).selectOption('priority');
    await page.getByRole('combobox', { name: 'Operador de la condición 1' }).selectOption('equal');
    await page.getByRole('combobox', { name: 'Valor de la condición 1' }).selectOption('urgent');
    await page.getByRole('button', { name: 'Aplicar filtro' }).click();
    await page.waitForURL((url) => url.searchParams.has('filter'));
    const count = await loadAll(page);
    expect(count).toBeGreaterThan(0);
    expect(count).toBe(await tabCount(page, 'Todos'));
    for (const card of await cards(page).all()) await expect(card.textContent()).resolves.toContain('Urgente');

    await page.getByRole('link', { name: 'Filtro (1)' }).click();
    await page.getByRole('textbox', { name: 'Nombre de la vista' }).fill('Urgentes e2e');
    await page.getByRole('button', { name: 'Guardar vista' }).click();
    await page.waitForURL((url) => /^\/view\/\d+$/.test(url.pathname));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Urgentes e2e');
    await page.getByRole('complementary', { name: 'Vistas' }).getByRole('link', { name: /Urgentes e2e/ }).waitFor();
  });

  test('a malformed filter in the URL gets a message and an empty list, not an error page', async () => {
    const page = await signedInAdmin();
    await page.goto(`/all?tab=all&filter=${encodeURIComponent('{"operator":"and","conditions":[{"field":"x\' or 1=1 --","op":"equal","value":"1"}]}')}`);
    await page.getByRole('alert').filter({ hasText: 'El filtro no es válido' }).waitFor();
  });

  test('search finds messages without accents and contacts by partial phone', async () => {
    const page = await signedInAdmin();
    await page.getByRole('searchbox', { name: 'Buscar mensajes y contactos' }).fill('facturacion');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'facturacion');
    const marks = page.locator('mark');
    await marks.first().waitFor();
    expect((await marks.allTextContents()).every((text) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') === 'facturacion')).toBe(true);

    await page.getByRole('searchbox', { name: 'Buscar mensajes y contactos' }).fill('zzqqxx-nada');
    await page.keyboard.press('Enter');
    await page.getByText('No hay resultados para «zzqqxx-nada».').waitFor();
  });

  test('opening a conversation shows it in the chat panel; bulk actions change several at once', async () => {
    const page = await signedInAdmin();
    await tab(page, 'Todos').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'all');
    await cards(page).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    await page.getByRole('list', { name: 'Mensajes' }).locator('li').first().waitFor();

    const before = await tabCount(page, 'Todos');
    await cards(page).nth(0).getByRole('checkbox').check();
    await cards(page).nth(1).getByRole('checkbox').check();
    await page.getByText('2 seleccionadas').waitFor();
    await page.locator('form#bulk-actions select[name="status"]').selectOption('resolved');
    await page.locator('form#bulk-actions button[name="kind"][value="status"]').click();
    await page.getByRole('status').filter({ hasText: '2 conversaciones actualizadas.' }).waitFor();
    await expect.poll(() => tabCount(page, 'Todos')).toBe(before - 2);
  });

  test('opening another conversation renders the chat alone: the card is marked and read, a filter chip keeps it open', async () => {
    const page = await signedInAdmin();
    await page.goto('/all?tab=all');
    const unread = cards(page).filter({ has: page.getByLabel(/mensajes? sin leer$/) });
    expect(await unread.count()).toBeGreaterThan(1);
    const [first, second] = [unread.nth(0), unread.nth(1)];
    const secondHref = (await second.getByRole('link').first().getAttribute('href'))!;
    await first.getByRole('link').first().click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    await page.getByRole('list', { name: 'Mensajes' }).locator('li').first().waitFor();

    // The client navigation's answer carries the chat, not the list (the list is the layout of the
    // list state's segment, which did not change).
    // (Read through a route: Chromium drops a fetch's body once the router has moved on.)
    const answers: string[] = [];
    await page.route(`**${secondHref.split('?')[0]}*`, async (route) => {
      const headers = route.request().headers();
      if (headers.rsc !== '1' || headers['next-router-prefetch']) return route.continue();
      const response = await route.fetch();
      answers.push(await response.text());
      await route.fulfill({ response });
    });
    await page.locator(`a[href="${secondHref}"]`).first().click();
    await expect.poll(() => answers.length).toBeGreaterThan(0);
    await page.unrouteAll({ behavior: 'wait' });
    const body = answers.join('');
    expect(body).toContain('"MessageList"');
    expect(body).not.toContain('"initialCursor"');
    await page.waitForURL((url) => url.pathname === secondHref.split('?')[0]);
    const opened = cards(page).filter({ has: page.locator(`a[href="${secondHref}"]`) });
    await expect.poll(() => opened.locator('[aria-current="true"]').count()).toBe(1);
    // Both opened cards are read now; the list did not render again, so the browser says so.
    await expect.poll(() => opened.getByLabel(/mensajes? sin leer$/).count()).toBe(0);
    expect(await cards(page).locator('[aria-current="true"]').count()).toBe(1);

    // With a filter, removing its chip keeps the conversation open.
    const id = secondHref.split(/[/?]/)[2];
    const filter = JSON.stringify({ operator: 'and', conditions: [{ field: 'status', op: 'not_equal', value: 'snoozed' }] });
    await page.goto(`/all/${id}?tab=all&filter=${encodeURIComponent(filter)}`);
    await page.getByTestId('filter-chips').getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === `/all/${id}` && !url.searchParams.has('filter'));
    await page.getByRole('list', { name: 'Mensajes' }).waitFor();
  });

  test('at phone size the list fills the screen, a conversation replaces it, and back returns', async () => {
    const page = await signedInAdmin({ width: 375, height: 740 });
    await tab(page, 'Todos').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'all');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await cards(page).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    await page.getByRole('list', { name: 'Mensajes' }).waitFor();
    await expect(page.getByRole('region', { name: 'Lista de conversaciones' }).isVisible()).resolves.toBe(false);
    await page.getByRole('link', { name: 'Volver a la lista' }).click();
    await page.waitForURL((url) => url.pathname === '/all' && url.searchParams.get('tab') === 'all');
    await cards(page).first().waitFor();

    await page.getByRole('link', { name: 'Abrir menú de vistas' }).click();
    await page.getByRole('complementary', { name: 'Vistas' }).getByRole('link', { name: /Desatendido/ }).click();
    await page.waitForURL((url) => url.pathname === '/unattended');
    await page.getByRole('combobox', { name: 'Ordenar por' }).selectOption('waiting');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'waiting');
    await expect(cards(page).first().textContent()).resolves.toContain('Esperando');
  });
});
