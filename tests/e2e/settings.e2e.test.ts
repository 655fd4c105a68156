import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allowConsoleErrors, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';
const PIXEL = path.resolve(import.meta.dirname, 'fixtures/pixel.png');
const run = Date.now().toString(36);

const cards = (page: Page) => page.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)');
const messages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Más detalles' });
const composer = (page: Page) => page.locator('form:has(textarea[name="content"])');

const asAdmin = async (viewport?: { width: number; height: number }) => {
  const page = await newAgentPage(viewport ? { viewport } : {});
  await signIn(page, 'admin@bandeja.test', PASSWORD);
  return page;
};

// The first conversation of "Todas", opened with its details.
const openFirstConversation = async (page: Page) => {
  await page.goto('/all?tab=all');
  const href = ((await cards(page).first().getByRole('link').getAttribute('href')) ?? '').split('?')[0];
  await page.goto(`${href}?details=1`);
  await sidebar(page).waitFor();
  return href;
};

// Invites an agent as the administrator and returns the set-password path read from the outbox.
const inviteAgent = async (admin: Page, name: string, email: string) => {
  await admin.goto('/settings/agents');
  const form = admin.getByRole('region', { name: 'Invitar agente' });
  await form.getByRole('textbox', { name: 'Nombre', exact: true }).fill(name);
  await form.getByRole('textbox', { name: 'Correo', exact: true }).fill(email);
  await form.getByRole('checkbox').first().check();
  await form.getByRole('button', { name: 'Enviar invitación' }).click();
  await form.getByRole('status').filter({ hasText: 'Invitación enviada.' }).waitFor();
  await admin.getByTestId(`agent-${email}`).getByText('Invitación pendiente').waitFor();

  await admin.goto('/settings/outbox');
  await admin.getByRole('link').filter({ hasText: email }).first().click();
  await admin.waitForURL((url) => /^\/settings\/outbox\/\d+$/.test(url.pathname));
  const text = (await admin.locator('main').textContent()) ?? '';
  const path = /\/set-password\?token=[A-Za-z0-9_%-]+/.exec(text)?.[0];
  expect(path).toBeTruthy();
  return path!;
};

describe('settings', () => {
  test('an administrator invites an agent; the invitee chooses a password, is signed in, then switches to English and changes the password at phone size', { timeout: 90_000 }, async () => {
    const admin = await asAdmin();
    const email = `nuevo-${run}@bandeja.test`;
    const link = await inviteAgent(admin, 'Nuevo Agente', email);

    const invitee = await newAgentPage({ viewport: { width: 375, height: 740 } });
    await invitee.goto(link);
    await invitee.getByText('Hola Nuevo Agente').waitFor();
    await invitee.locator('input[name="password"]').fill('primera-clave-1');
    await invitee.locator('input[name="confirmPassword"]').fill('primera-clave-1');
    await Promise.all([invitee.waitForURL((url) => url.pathname === '/all'), invitee.getByRole('button', { name: 'Guardar y entrar' }).click()]);
    // The link worked once.
    const again = await newAgentPage();
    await again.goto(link);
    await again.getByRole('alert').filter({ hasText: 'no es válido' }).waitFor();

    // Profile at 375 px: language first (the page reloads in English), then the password.
    await invitee.goto('/settings/profile');
    expect(await invitee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await Promise.all([invitee.waitForURL('**/settings/profile'), invitee.getByRole('button', { name: 'English' }).click()]);
    await invitee.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    const password = invitee.getByRole('region', { name: 'Password' });
    // A second session of the same person (another browser): signed out by the change. Its live
    // socket is ended with the change and, reconnecting, is refused (401) with the old session.
    allowConsoleErrors(/401 \(Unauthorized\) \[[^\]]*\/api\/realtime\/(user-)?auth\]/, 'the signed-out session re-authorises its terminated socket');
    const phone = await newAgentPage();
    await signIn(phone, email, 'primera-clave-1');
    await phone.getByTestId('signed-in-user').filter({ hasText: 'Nuevo Agente' }).waitFor();
    await password.locator('input[name="currentPassword"]').fill('wrong-password');
    await password.locator('input[name="newPassword"]').fill('segunda-clave-2');
    await password.locator('input[name="confirmPassword"]').fill('segunda-clave-2');
    await password.getByRole('button', { name: 'Change password' }).click();
    await password.getByRole('alert').filter({ hasText: 'The current password is not correct.' }).waitFor();
    // A submitted form is reset (passwords are not kept): every field again.
    await password.locator('input[name="currentPassword"]').fill('primera-clave-1');
    await password.locator('input[name="newPassword"]').fill('segunda-clave-2');
    await password.locator('input[name="confirmPassword"]').fill('segunda-clave-2');
    await password.getByRole('button', { name: 'Change password' }).click();
    await password.getByRole('status').filter({ hasText: 'Password changed.' }).waitFor();
    // The changer stays signed in (their session took the new password's stamp); the other is out.
    await invitee.goto('/all');
    // (At 375 px the sidebar that names the user is closed: present, not visible.)
    await invitee.getByTestId('signed-in-user').filter({ hasText: 'Nuevo Agente' }).waitFor({ state: 'attached' });
    expect(new URL(invitee.url()).pathname).toBe('/all');
    await phone.goto('/all');
    await phone.waitForURL((url) => url.pathname === '/login');

    const later = await newAgentPage();
    await signIn(later, email, 'segunda-clave-2');
    await later.getByTestId('signed-in-user').filter({ hasText: 'Nuevo Agente' }).waitFor();
  });

  test('an administrator creates a team and an inbox with a member', async () => {
    const admin = await asAdmin();
    const team = `Equipo ${run}`;
    await admin.goto('/settings/teams');
    const newTeam = admin.getByRole('region', { name: 'Nuevo equipo' });
    await newTeam.getByLabel('Nombre').fill(team);
    await newTeam.getByRole('button', { name: 'Crear equipo' }).click();
    const card = admin.getByRole('region', { name: team });
    await card.locator('select[name="userId"]').selectOption({ label: 'Sofía Herrera' });
    await card.getByRole('button', { name: 'Añadir', exact: true }).click();
    await card.getByRole('button', { name: 'Quitar a Sofía Herrera' }).waitFor();
    // V6: the team is a view in the panel.
    await admin.getByRole('navigation').getByRole('link', { name: team }).first().waitFor();

    const inbox = `API ${run}`;
    await admin.goto('/settings/inboxes');
    await admin.getByRole('textbox', { name: 'Nombre', exact: true }).fill(inbox);
    await admin.locator('select[name="channelType"]').selectOption('api');
    await Promise.all([admin.waitForURL((url) => /^\/settings\/inboxes\/\d+$/.test(url.pathname)), admin.getByRole('button', { name: 'Crear bandeja' }).click()]);
    expect(await admin.getByTestId('inbox-identifier').textContent()).toMatch(/^[0-9a-f]{24}$/);
    await admin.locator('input[name="webhookUrl"]').fill('https://hooks.example/bandeja');
    await admin.getByRole('button', { name: 'Guardar', exact: true }).click();
    await admin.getByRole('status').filter({ hasText: 'Guardado.' }).waitFor();
    await admin.locator('select[name="userId"]').selectOption({ label: 'Diego Castillo' });
    await admin.getByRole('button', { name: 'Añadir', exact: true }).click();
    await admin.getByRole('button', { name: 'Quitar a Diego Castillo' }).waitFor();
  });

  test('an attribute created in settings shows in the sidebar', async () => {
    const admin = await asAdmin();
    await admin.goto('/settings/attributes');
    const form = admin.getByRole('region', { name: 'Nuevo atributo' });
    await form.getByRole('textbox', { name: 'Nombre', exact: true }).fill(`Canal preferido ${run}`);
    await form.locator('input[name="key"]').fill(`canal_${run}`);
    await form.locator('select[name="type"]').selectOption('list');
    await form.locator('textarea[name="listValues"]').fill('Teléfono\nCorreo');
    await form.getByRole('button', { name: 'Crear atributo' }).click();
    await admin.getByTestId(`attribute-canal_${run}`).waitFor();

    await openFirstConversation(admin);
    await sidebar(admin).locator(`[data-attribute="canal_${run}"]`).waitFor();
  });

  test('a macro with two steps, reordered, runs from the sidebar', async () => {
    const admin = await asAdmin();
    const name = `Macro ${run}`;
    const note = `Nota de la macro ${run}`;
    await admin.goto('/settings/macros/new');
    await admin.getByRole('textbox', { name: 'Nombre', exact: true }).fill(name);
    const steps = admin.getByTestId('macro-step');
    await steps.nth(0).locator('select[name="step.0.action"]').selectOption('change_priority');
    await steps.nth(0).locator('select[name="step.0.priority"]').selectOption('high');
    await admin.getByRole('button', { name: 'Añadir paso' }).click();
    await steps.nth(1).locator('select[name="step.1.action"]').selectOption('add_private_note');
    await steps.nth(1).locator('textarea[name="step.1.content"]').fill(note);
    await admin.getByRole('button', { name: 'Subir el paso 2' }).click();
    await expect.poll(() => steps.nth(0).locator('select[name="step.0.action"]').inputValue()).toBe('add_private_note');
    await Promise.all([admin.waitForURL('**/settings/macros'), admin.getByRole('button', { name: 'Guardar macro' }).click()]);
    await admin.getByTestId(`macro-${name}`).getByText('2 pasos').waitFor();

    // Reopened, the order is the saved one.
    await admin.getByRole('link', { name: `Editar la macro ${name}` }).click();
    await expect.poll(() => admin.locator('select[name="step.0.action"]').inputValue()).toBe('add_private_note');

    await openFirstConversation(admin);
    const aside = sidebar(admin);
    await aside.getByRole('button', { name: `Ejecutar la macro ${name}` }).click();
    await messages(admin).locator('[data-message-type="private"]', { hasText: note }).last().waitFor();
    await expect.poll(() => aside.locator('select[name="priority"]').inputValue()).toBe('high');
  });

  test('a macro sends a file of its own as an attachment', async () => {
    const admin = await asAdmin();
    const name = `Adjunto ${run}`;
    await admin.goto('/settings/macros/new');
    await admin.getByRole('textbox', { name: 'Nombre', exact: true }).fill(name);
    await admin.locator('select[name="step.0.action"]').selectOption('send_attachment');
    await admin.locator('input[name="step.0.upload"]').setInputFiles(PIXEL);
    await Promise.all([admin.waitForURL('**/settings/macros'), admin.getByRole('button', { name: 'Guardar macro' }).click()]);
    await admin.getByRole('link', { name: `Editar la macro ${name}` }).click();
    await admin.getByText('Archivo: pixel.png').waitFor();

    await openFirstConversation(admin);
    await sidebar(admin).getByRole('button', { name: `Ejecutar la macro ${name}` }).click();
    await messages(admin).locator('[data-message-type="outgoing"]').last().getByRole('img').or(messages(admin).locator('[data-message-type="outgoing"]').last().getByText('pixel.png')).first().waitFor();
  });

  test('without JavaScript, a macro is edited step by step and saved', async () => {
    const page = await newAgentPage({ javaScriptEnabled: false });
    await signIn(page, 'admin@bandeja.test', PASSWORD);
    const name = `Sin JS ${run}`;
    await page.goto('/settings/macros/new');
    await page.getByRole('textbox', { name: 'Nombre', exact: true }).fill(name);
    await page.locator('select[name="step.0.action"]').selectOption('change_status');
    // The server shows the parameters of the chosen action.
    await page.getByRole('button', { name: 'Aplicar' }).click();
    await page.locator('select[name="step.0.status"]').selectOption('pending');
    await page.getByRole('button', { name: 'Añadir paso' }).click();
    await page.locator('textarea[name="step.1.content"]').fill(`Nota sin JS ${run}`);
    await page.getByRole('button', { name: 'Subir el paso 2' }).click();
    await expect.poll(() => page.locator('select[name="step.0.action"]').inputValue()).toBe('send_message');
    expect(await page.locator('select[name="step.1.status"]').inputValue()).toBe('pending');
    expect(await page.getByRole('textbox', { name: 'Nombre', exact: true }).inputValue()).toBe(name);
    await page.getByRole('button', { name: 'Guardar macro' }).click();
    await page.waitForURL('**/settings/macros');
    await page.getByTestId(`macro-${name}`).getByText('2 pasos').waitFor();
  });

  test('every settings page fits a 375 px screen', async () => {
    const admin = await asAdmin({ width: 375, height: 740 });
    for (const page of ['/settings', '/settings/profile', '/settings/agents', '/settings/teams', '/settings/inboxes', '/settings/attributes', '/settings/macros', '/settings/macros/new', '/settings/canned-responses']) {
      await admin.goto(page);
      await admin.locator('main h1').first().waitFor();
      expect(await admin.evaluate(() => document.documentElement.scrollWidth), page).toBeLessThanOrEqual(375);
    }
  });

  test('a canned response is inserted with "/" in the composer', async () => {
    const admin = await asAdmin();
    const code = `saludo${run}`;
    const content = `¡Hola! Gracias por escribirnos (${run}).`;
    await admin.goto('/settings/canned-responses');
    const form = admin.getByRole('region', { name: 'Nueva respuesta' });
    await form.locator('input[name="shortCode"]').fill(code);
    await form.locator('textarea[name="content"]').fill(content);
    await form.getByRole('button', { name: 'Crear respuesta' }).click();
    await form.getByRole('status').waitFor();

    await openFirstConversation(admin);
    const textbox = composer(admin).getByRole('textbox');
    await textbox.click();
    await textbox.pressSequentially(`Buenas /${code.slice(0, 8)}`);
    await admin.getByRole('listbox', { name: 'Respuestas predefinidas' }).getByRole('option').filter({ hasText: `/${code}` }).waitFor();
    await admin.keyboard.press('ArrowDown');
    await admin.keyboard.press('ArrowUp');
    await admin.keyboard.press('Enter');
    await expect.poll(() => textbox.inputValue()).toBe(`Buenas ${content}`);
    await admin.getByRole('listbox', { name: 'Respuestas predefinidas' }).waitFor({ state: 'detached' });
  });
});
