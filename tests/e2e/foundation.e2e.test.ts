import { describe, expect, test } from 'vitest';
import { newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';

describe('sign-in and the dashboard shell', () => {
  test('an unauthenticated visit to the dashboard goes to the sign-in page', async () => {
    const page = await newAgentPage();
    await page.goto('/all');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.getByRole('heading', { name: 'Inicia sesión' }).isVisible()).resolves.toBe(true);
  });

  test('wrong credentials get a translated message and no session', async () => {
    const page = await newAgentPage();
    await page.goto('/login');
    await page.locator('input[name="email"]').fill('admin@bandeja.test');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'El correo o la contraseña no son correctos.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  test('an agent signs in, sees the three panels and the inboxes they belong to, and signs out', async () => {
    const page = await newAgentPage();
    await signIn(page, 'admin@bandeja.test', PASSWORD);
    await page.waitForURL((url) => url.pathname === '/all');
    await page.getByRole('region', { name: 'Lista de conversaciones' }).waitFor();
    await expect(page.getByRole('complementary', { name: 'Vistas' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Lista de conversaciones' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('region', { name: 'Conversación' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('Laura');
    const views = page.getByRole('complementary', { name: 'Vistas' });
    await expect(views.getByRole('link', { name: 'Todas las conversaciones' }).getAttribute('aria-current')).resolves.toBe('page');
    expect(await views.getByRole('link').count()).toBeGreaterThanOrEqual(6);

    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto('/all');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  test('the language is English when the agent picks it, kept across sessions, and Spanish again on request', async () => {
    const page = await newAgentPage();
    await signIn(page, 'diego@bandeja.test', PASSWORD);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'All conversations' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await signIn(page, 'diego@bandeja.test', PASSWORD);
    await page.getByRole('link', { name: 'All conversations' }).waitFor();

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('link', { name: 'Todas las conversaciones' }).waitFor();
  });

  test('before sign-in the language follows the browser', async () => {
    const page = await newAgentPage({ locale: 'en-US' });
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
  });

  test('at phone size one panel shows at a time and the views panel is a drawer', async () => {
    const page = await newAgentPage({ viewport: { width: 375, height: 740 } });
    await signIn(page, 'carlos@bandeja.test', PASSWORD);
    const views = page.getByRole('complementary', { name: 'Vistas' });
    await page.getByRole('region', { name: 'Lista de conversaciones' }).waitFor();
    await expect(views.isVisible()).resolves.toBe(false);
    await expect(page.getByRole('region', { name: 'Conversación' }).isVisible()).resolves.toBe(false);
    // Nothing scrolls sideways at 375 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The drawer opens from ☰ and closes with Escape (and its ✕), without a history entry.
    await page.locator('html[data-drawer]').waitFor({ state: 'attached' });
    await page.getByRole('link', { name: 'Abrir menú de vistas' }).click();
    await expect.poll(() => views.isVisible()).toBe(true);
    // Open, it holds the focus (on its ✕) and the page behind is inert, so Tab stays in it.
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('#views')))).toBe(true);
    await expect(page.evaluate(() => document.getElementById('main')!.inert)).resolves.toBe(true);
    for (let tab = 0; tab < 5; tab++) await page.keyboard.press('Tab');
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('#views')))).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.getElementById('main')!.inert)).resolves.toBe(false);
    await expect.poll(() => views.isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Abrir menú de vistas' }).click();
    await expect.poll(() => views.isVisible()).toBe(true);
    // The view already shown closes it too.
    await views.getByRole('link', { name: 'Todas las conversaciones' }).click();
    await expect.poll(() => views.isVisible()).toBe(false);
    await expect(page.evaluate(() => document.getElementById('main')!.inert)).resolves.toBe(false);
    await page.getByRole('link', { name: 'Abrir menú de vistas' }).click();
    await expect.poll(() => views.isVisible()).toBe(true);
    await views.getByRole('link', { name: 'Menciones' }).click();
    await page.waitForURL((url) => url.pathname === '/mentions');
    await expect(page.getByRole('heading', { level: 1, name: 'Menciones' }).isVisible()).resolves.toBe(true);
    // The drawer closes as its link opens the view; Back shows the list again, drawer closed.
    await expect.poll(() => views.isVisible()).toBe(false);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/all');
    await page.getByRole('heading', { level: 1, name: 'Todas las conversaciones' }).waitFor();
    await expect.poll(() => views.isVisible()).toBe(false);

    // On a conversation, Escape closes the open drawer and nothing else (not "back to the list").
    // (The chat has no ☰ on a phone; the drawer opens by its URL.)
    const href = (await page.locator('a[data-conversation-link]').first().getAttribute('href'))!;
    await page.goto(`${href}#views`);
    await page.locator('html[data-keyboard="ready"][data-drawer]').waitFor({ state: 'attached' });
    await expect.poll(() => views.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => views.isVisible()).toBe(false);
    await expect(page.getByTestId('conversation-status').isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toBe(href.split('?')[0]);
  });
});
