import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';

const cards = (page: Page) => page.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)');
const messages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Más detalles' });
const previous = (page: Page) => sidebar(page).getByRole('list', { name: 'Conversaciones anteriores' }).getByRole('link');

// Signs in as the administrator (Laura Méndez) at the given size.
const signedIn = async (viewport?: { width: number; height: number }) => {
  const page = await newAgentPage(viewport ? { viewport } : {});
  await signIn(page, 'admin@bandeja.test', PASSWORD);
  await page.goto('/all?tab=all');
  await cards(page).first().waitFor();
  return page;
};

// Opens, with the details open, the first conversation of the list whose contact has others (H1).
const openConversationWithHistory = async (page: Page) => {
  const hrefs = await cards(page).getByRole('link').evaluateAll((links) => links.slice(0, 20).map((link) => link.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    await page.goto(`${href.split('?')[0]}?details=1`);
    await sidebar(page).waitFor();
    if ((await previous(page).count()) > 0) return;
  }
  throw new Error('no conversation whose contact has previous conversations');
};

describe('the "Más detalles" sidebar', () => {
  test('an agent assigns, prioritises, labels, fills an attribute, adds a participant, runs a macro and opens a previous conversation', async () => {
    const page = await signedIn();
    await cards(page).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    // C1: the toggle keeps the URL and adds details=1.
    await page.getByRole('link', { name: 'Más detalles' }).click();
    await page.waitForURL((url) => url.searchParams.get('details') === '1');
    await sidebar(page).waitFor();
    await page.getByRole('link', { name: 'Ocultar detalles' }).click();
    await page.waitForURL((url) => !url.searchParams.has('details'));
    await expect(sidebar(page).count()).resolves.toBe(0);

    await openConversationWithHistory(page);
    const aside = sidebar(page);
    // D1: the contact card.
    await aside.getByRole('region', { name: 'Contacto', exact: true }).locator('h3').waitFor();

    // X1: unassigned first, then "Asignarme".
    await aside.locator('select[name="assigneeId"]').selectOption('');
    await expect.poll(() => aside.locator('select[name="assigneeId"]').inputValue()).toBe('');
    await aside.getByRole('button', { name: 'Asignarme' }).click();
    await aside.getByRole('button', { name: 'Asignarme' }).waitFor({ state: 'detached' });
    await aside.getByRole('list', { name: 'Participantes' }).getByText('Laura Méndez').waitFor();

    await aside.locator('select[name="priority"]').selectOption('urgent');
    await expect.poll(() => aside.locator('select[name="priority"]').inputValue()).toBe('urgent');

    const labelSelect = aside.locator('select[name="labelId"]');
    const label = (await labelSelect.locator('option').nth(1).textContent()) ?? '';
    await labelSelect.selectOption({ label });
    await aside.getByRole('list', { name: 'Etiquetas' }).getByText(label, { exact: true }).waitFor();
    await aside.getByRole('button', { name: `Quitar la etiqueta ${label}` }).waitFor();

    // A1: an invalid value shows the definition's hint; a valid one is saved.
    // One "Guardar" per form (issue 13), not one per attribute.
    const order = aside.locator('[data-attribute="numero_pedido"]');
    const save = aside.locator('form[data-attributes="conversation"]').getByRole('button', { name: 'Guardar' });
    await expect(save.count()).resolves.toBe(1);
    await order.getByRole('textbox').fill('12345');
    await save.click();
    await order.getByRole('alert').filter({ hasText: 'Formato PED-123456' }).waitFor();
    await order.getByRole('textbox').fill('PED-123456');
    await save.click();
    await order.getByRole('alert').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => sidebar(page).locator('[data-attribute="numero_pedido"]').getByRole('textbox').inputValue()).toBe('PED-123456');

    // P1: add an agent of the inbox.
    const participantSelect = aside.locator('select[name="userId"]');
    const agent = (await participantSelect.locator('option').nth(1).textContent()) ?? '';
    await participantSelect.selectOption({ label: agent });
    await aside.getByRole('list', { name: 'Participantes' }).getByText(agent).waitFor();
    await aside.getByRole('button', { name: `Quitar a ${agent}` }).waitFor();

    // M1: the macro's steps are listed, and running it applies them all.
    await aside.getByText('Añadir nota privada: «Escalado a facturación con la macro.»').waitFor();
    await aside.getByRole('button', { name: 'Ejecutar la macro Escalar a facturación' }).click();
    await messages(page).locator('[data-message-type="private"]', { hasText: 'Escalado a facturación con la macro.' }).last().waitFor();
    await expect.poll(() => aside.locator('select[name="priority"]').inputValue()).toBe('high');

    // H1: a previous conversation opens in the chat panel.
    const link = previous(page).first();
    const displayId = /#\d+/.exec((await link.textContent()) ?? '')?.[0] ?? '';
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL((url) => url.pathname === href);
    await page.locator('header').getByText(displayId, { exact: true }).waitFor();
  });

  test('at phone size the details are a full-screen sheet with a close link', async () => {
    const page = await signedIn({ width: 375, height: 740 });
    await cards(page).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    await page.getByRole('link', { name: 'Más detalles' }).click();
    await sidebar(page).waitFor();
    const box = await sidebar(page).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: 'Cerrar detalles' }).click();
    await sidebar(page).waitFor({ state: 'detached' });
    await page.locator('form:has(textarea[name="content"])').waitFor();
  });
});
