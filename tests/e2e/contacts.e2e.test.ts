import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allowConsoleErrors, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';
const PIXEL = path.resolve(import.meta.dirname, 'fixtures/pixel.png');

const cards = (page: Page) => page.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)');
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Más detalles' });
const card = (page: Page) => sidebar(page).getByRole('region', { name: 'Contacto', exact: true });
const cardValue = (page: Page, label: string) => card(page).locator(`dt:text-is("${label}") + dd`);
const previous = (page: Page) => sidebar(page).getByRole('list', { name: 'Conversaciones anteriores' }).getByRole('link');
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

const signedIn = async (email = 'admin@bandeja.test', viewport?: { width: number; height: number }) => {
  const page = await newAgentPage(viewport ? { viewport } : {});
  await signIn(page, email, PASSWORD);
  await page.goto('/all?tab=all');
  await cards(page).first().waitFor();
  return page;
};

type Seen = { href: string; name: string; email: string };

// The contacts of the list's first conversations (with the details open: `href`), until `want`
// different ones (with an email address, when `withEmail`) are found.
const contactsOfList = async (page: Page, want: number, { withEmail = false } = {}): Promise<Seen[]> => {
  const hrefs = await cards(page).getByRole('link').evaluateAll((links) => links.slice(0, 25).map((link) => link.getAttribute('href') ?? ''));
  const seen: Seen[] = [];
  for (const href of hrefs) {
    const url = `${href.split('?')[0]}?details=1`;
    await page.goto(url);
    await card(page).locator('h3').waitFor();
    const name = (await card(page).locator('h3').textContent()) ?? '';
    const email = (await cardValue(page, 'Correo').count()) ? ((await cardValue(page, 'Correo').textContent()) ?? '') : '';
    if ((email || !withEmail) && !seen.some((other) => other.name === name)) seen.push({ href: url, name, email });
    if (seen.length === want) return seen;
  }
  throw new Error(`fewer than ${want} contacts in the list`);
};

describe('contact dialogs of the "Más detalles" sidebar (K1-K4, X1)', () => {
  test('K2: an agent edits a contact; a duplicate email is refused naming the other contact; the phone is stored normalised', async () => {
    const page = await signedIn('carlos@bandeja.test');
    const [other, mine] = await contactsOfList(page, 2, { withEmail: true });

    await page.goto(mine.href);
    await sidebar(page).getByRole('link', { name: 'Editar contacto' }).click();
    const edit = dialog(page, 'Editar contacto');
    await edit.waitFor();
    // Focus moved into the dialog (the name field).
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');

    await edit.getByLabel('Correo').fill(other.email.toUpperCase());
    await edit.getByLabel('Teléfono').fill('+52 (55) 9876-5432');
    await edit.getByRole('button', { name: 'Enviar' }).click();
    await edit.getByRole('alert').filter({ hasText: `Otro contacto ya tiene este correo: ${other.name}.` }).waitFor();
    // What was typed is kept.
    expect(await edit.getByLabel('Teléfono').inputValue()).toBe('+52 (55) 9876-5432');

    await edit.getByLabel('Teléfono').fill('12');
    await edit.getByLabel('Correo').fill(`e2e.${Date.now()}@example.com`);
    await edit.getByRole('button', { name: 'Enviar' }).click();
    await edit.getByRole('alert').filter({ hasText: 'código de país' }).waitFor();

    const email = `e2e.${Date.now()}@example.com`;
    await edit.getByLabel('Correo').fill(email);
    await edit.getByLabel('Teléfono').fill('+52 (55) 9876-5432');
    await edit.getByLabel('Empresa').fill('Ferretería Norte');
    await edit.getByLabel('Ciudad').fill('Monterrey');
    await edit.getByLabel('GitHub').fill('https://github.com/ferreteria-norte');
    await edit.getByLabel('Foto').setInputFiles(PIXEL);
    await edit.getByRole('button', { name: 'Enviar' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.has('contact')).toBe(false);

    await expect.poll(() => cardValue(page, 'Correo').textContent()).toBe(email);
    expect(await cardValue(page, 'Teléfono').textContent()).toBe('+525598765432');
    expect(await cardValue(page, 'Empresa').textContent()).toBe('Ferretería Norte');
    expect(await card(page).getByRole('link', { name: 'github' }).getAttribute('href')).toBe('https://github.com/ferreteria-norte');
    const avatar = card(page).locator('img');
    expect(await avatar.getAttribute('src')).toMatch(/^\/api\/contacts\/\d+\/avatar\?v=/);
    await expect.poll(() => avatar.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  });

  test('K3: an administrator merges two contacts from the sidebar, with a preview of what moves', async () => {
    const page = await signedIn();
    const [primary, secondary] = await contactsOfList(page, 2, { withEmail: true });

    await page.goto(primary.href);
    const before = await previous(page).count();
    // Merging a contact with itself is refused.
    const primaryId = await contactIdOf(page);
    await page.goto(`${primary.href}&contact=merge&mergeWith=${primaryId}`);
    await dialog(page, 'Combinar contacto').getByRole('alert').filter({ hasText: 'No se puede combinar un contacto consigo mismo.' }).waitFor();
    await page.goto(primary.href);

    await sidebar(page).getByRole('link', { name: 'Combinar contacto' }).click();
    const merge = dialog(page, 'Combinar contacto');
    await merge.getByRole('searchbox').fill(secondary.email);
    await merge.getByRole('button', { name: 'Buscar' }).click();
    await merge.getByRole('list', { name: 'Contactos encontrados' }).getByRole('link', { name: new RegExp(secondary.name) }).click();

    await merge.getByRole('region', { name: 'Se queda' }).getByText(primary.name).waitFor();
    await merge.getByRole('region', { name: 'Se elimina' }).getByText(secondary.name).waitFor();
    const moving = Number(/(\d+)/.exec((await merge.getByText('Conversaciones que pasan a quien se queda').textContent()) ?? '')?.[1]);
    expect(moving).toBeGreaterThan(0);
    await merge.getByText('Mensajes que se mueven con ellas').waitFor();

    await merge.getByRole('button', { name: 'Combinar', exact: true }).click();
    await merge.waitFor({ state: 'detached' });
    // The sidebar shows the result: the merged contact's conversations are this contact's now.
    // (H1 lists 20 at most.)
    await expect.poll(() => previous(page).count()).toBe(Math.min(before + moving, 20));
    expect(await card(page).locator('h3').textContent()).toBe(primary.name);
    // The conversation we saw the merged contact in shows the one that stayed.
    await page.goto(secondary.href);
    await expect.poll(() => card(page).locator('h3').textContent()).toBe(primary.name);
    // The merged contact is gone (the search as a link: the merge's realtime refresh may re-render a
    // dialog opened meanwhile and clear what was typed).
    await page.goto(`${secondary.href}&contact=merge&find=${encodeURIComponent(secondary.email)}`);
    await merge.getByText('No hay contactos que coincidan.').waitFor();
  }, 60_000);

  test('K4: an agent has no delete; an administrator sees what is lost, deletes for good and lands on the list', async () => {
    const agent = await signedIn('carlos@bandeja.test');
    const [target] = await contactsOfList(agent, 1);
    await agent.goto(target.href);
    await sidebar(agent).getByRole('link', { name: 'Editar contacto' }).waitFor();
    expect(await sidebar(agent).getByRole('link', { name: 'Eliminar contacto' }).count()).toBe(0);

    const page = await signedIn();
    await page.goto(target.href);
    await sidebar(page).getByRole('link', { name: 'Eliminar contacto' }).click();
    const remove = dialog(page, 'Eliminar contacto');
    const lost = remove.getByRole('list', { name: 'Lo que se elimina' });
    await lost.getByText(/\d+ conversaci(ón|ones)/).waitFor();
    await lost.getByText(/mensajes?$/).waitFor();
    await remove.getByRole('button', { name: 'Eliminar para siempre' }).click();
    await page.waitForURL((url) => !/\/all\/\d+/.test(url.pathname));
    allowConsoleErrors(/status of 404 \(Not Found\)/, 'the deleted contact\'s conversation is visited on purpose: it is a 404 now');
    const response = await page.goto(target.href);
    expect(response?.status()).toBe(404);
  });

  test('K1: a new message from the contact card starts a conversation and lands in it', async () => {
    const page = await signedIn();
    const [contact] = await contactsOfList(page, 1, { withEmail: true });
    await page.goto(contact.href);
    await sidebar(page).getByRole('link', { name: 'Nuevo mensaje' }).click();
    const message = dialog(page, 'Nuevo mensaje');
    const inbox = message.getByLabel('Bandeja de entrada');
    // The website widget cannot start a conversation: it is not offered.
    const options = await inbox.locator('option').allTextContents();
    expect(options.some((option) => option.includes('Chat del sitio web'))).toBe(false);
    await inbox.selectOption({ label: 'Correo de soporte (correo)' });
    const text = `Hola, le escribimos por su pedido (${Date.now()}).`;
    await message.getByLabel('Mensaje', { exact: true }).fill(text);
    const from = new URL(page.url()).pathname;
    await message.getByRole('button', { name: 'Enviar' }).click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname) && url.pathname !== from);
    await page.getByRole('list', { name: 'Mensajes' }).getByText(text).waitFor();
    expect(await card(page).locator('h3').textContent()).toBe(contact.name);
  });

  test('X1: an administrator creates a label inline and it is added to the conversation', async () => {
    const page = await signedIn();
    await cards(page).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    await page.goto(`${new URL(page.url()).pathname}?details=1`);
    const title = `e2e-${Date.now().toString(36)}`;
    await sidebar(page).getByLabel('Crear o añadir una etiqueta').fill(title);
    await sidebar(page).getByRole('button', { name: `Crear etiqueta «${title}»` }).click();
    await sidebar(page).getByRole('list', { name: 'Etiquetas' }).getByText(title, { exact: true }).waitFor();
    await sidebar(page).getByRole('button', { name: `Quitar la etiqueta ${title}` }).waitFor();
    await expect.poll(() => sidebar(page).getByLabel('Crear o añadir una etiqueta').inputValue()).toBe('');
  });

  test('without JavaScript the dialogs are plain links and form posts: edit a contact, search for one to merge', async () => {
    const page = await signedIn('carlos@bandeja.test');
    const [contact, other] = await contactsOfList(page, 2);
    // No script of the app loads: nothing hydrates, every click is a plain link or form post.
    await page.route(/\.js(\?|$)/, (route) => route.abort());
    await page.goto(contact.href);
    await sidebar(page).getByRole('link', { name: 'Editar contacto' }).click();
    await page.waitForURL((url) => url.searchParams.get('contact') === 'edit');
    const edit = page.locator('dialog[open]');
    const company = `Sin JS ${Date.now()}`;
    await edit.getByLabel('Empresa').fill(company);
    await edit.getByRole('button', { name: 'Enviar' }).click();
    await page.waitForURL((url) => !url.searchParams.has('contact'));
    expect(await cardValue(page, 'Empresa').textContent()).toBe(company);

    await sidebar(page).getByRole('link', { name: 'Combinar contacto' }).click();
    await page.waitForURL((url) => url.searchParams.get('contact') === 'merge');
    await page.locator('dialog[open]').getByRole('searchbox').fill(other.name);
    await page.locator('dialog[open]').getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL((url) => url.searchParams.get('find') === other.name && url.searchParams.get('details') === '1');
    await page.locator('dialog[open]').getByRole('list', { name: 'Contactos encontrados' }).getByRole('link', { name: new RegExp(other.name) }).waitFor();
    await page.locator('dialog[open]').getByRole('link', { name: 'Cerrar' }).click();
    await page.waitForURL((url) => !url.searchParams.has('contact'));
  });

  test('at 375 px the sidebar is a full-screen sheet and the contact dialogs fill the screen, close with Escape', async () => {
    const page = await signedIn('admin@bandeja.test', { width: 375, height: 740 });
    await cards(page).first().getByRole('link').click();
    await page.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    await page.getByRole('link', { name: 'Más detalles' }).click();
    await sidebar(page).waitFor();
    expect(await sidebar(page).boundingBox()).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });

    for (const name of ['Editar contacto', 'Combinar contacto', 'Nuevo mensaje', 'Eliminar contacto']) {
      await sidebar(page).getByRole('link', { name }).click();
      const open = dialog(page, name);
      await open.waitFor();
      expect(await open.boundingBox()).toMatchObject({ x: 0, y: 0, width: 375, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await closeWithEscape(page, open);
      expect(new URL(page.url()).searchParams.get('details')).toBe('1');
    }
  });
});

// The id of the contact the sidebar shows, read from its edit form.
async function contactIdOf(page: Page): Promise<string> {
  await sidebar(page).getByRole('link', { name: 'Editar contacto' }).click();
  const id = (await dialog(page, 'Editar contacto').locator('input[name="contactId"]').inputValue()) ?? '';
  await closeWithEscape(page, dialog(page, 'Editar contacto'));
  return id;
}

// Escape closes a contact dialog once it is modal: ContactDialog calls showModal when it has
// hydrated. Before that the server's dialog is a panel closed by its ✕ link, and a loaded machine
// can press Escape in between.
async function closeWithEscape(page: Page, open: Locator) {
  await expect.poll(() => open.evaluate((element) => element.matches(':modal')), { timeout: 10_000 }).toBe(true);
  await page.keyboard.press('Escape');
  await open.waitFor({ state: 'detached' });
}

