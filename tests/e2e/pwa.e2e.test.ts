import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allowConsoleErrors, baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';
import { startTestPushService, type TestDevice, type TestPushService } from '@/tests/helpers/push-service';

const PASSWORD = 'bandeja-demo';
const PAGES_CACHE = 'bandeja-pages-v1';

const cards = (page: Page) => page.getByRole('list', { name: /^(Conversaciones|Conversations)$/ }).locator(':scope > li:has(article)');
const messages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });
const composer = (page: Page) => page.locator('form:has(textarea[name="content"])');
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
const hasPagesCache = (page: Page) => page.evaluate((name) => caches.has(name), PAGES_CACHE);

// Headless Chromium has no push service (PushManager.subscribe fails: there is no FCM connection),
// so the browser's side of the push service is stood in for, and only that:
// - PushManager.subscribe/getSubscription return a subscription whose endpoint is the test's local
//   push service and whose keys the test generated (as a browser would: P-256 + auth secret);
// - the local push service receives the server's real request (VAPID JWT verified, aes128gcm
//   payload decrypted with the device's private key, as the browser does);
// - the decrypted payload is handed to the service worker with the DevTools protocol
//   (ServiceWorker.deliverPushMessage), which fires the real `push` event in public/sw.js.
// Everything else is the product: the opt-in button, /api/push, the outbox, web-push's encryption and
// signing, the service worker's push handler and its notification.
const stubPushManager = (page: Page, device: TestDevice) =>
  page.context().addInitScript((subscription) => {
    const flag = 'e2e:push-subscription-key';
    const make = (key: number[]) => ({
      endpoint: subscription.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: new Uint8Array(key).buffer },
      toJSON: () => ({ endpoint: subscription.endpoint, expirationTime: null, keys: subscription.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(flag);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = Array.from(new Uint8Array(options?.applicationServerKey as ArrayBuffer));
      localStorage.setItem(flag, JSON.stringify(key));
      return make(key) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      const stored = localStorage.getItem(flag);
      return (stored ? make(JSON.parse(stored) as number[]) : null) as unknown as PushSubscription | null;
    };
  }, device.subscription);

// The registration id of the app's service worker, for the DevTools protocol.
const deliverToServiceWorker = async (page: Page, data: string) => {
  const cdp = await page.context().newCDPSession(page);
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const app = registrations.find((registration) => registration.scopeURL === `${baseUrl()}/` && !registration.isDeleted);
      if (app) resolve(app.registrationId);
    });
    void cdp.send('ServiceWorker.enable');
  });
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: baseUrl(), registrationId, data });
};

// Two browsers, a sign-in each and a push round trip: more than the default 30 s on a loaded machine.
describe('installable app', () => {
  test('the manifest is valid, its icons load, the service worker controls the page; pages are cached only while signed in', async () => {
    // Public files: no session needed (installability is checked before signing in).
    const manifestResponse = await fetch(`${baseUrl()}/manifest.webmanifest`);
    expect(manifestResponse.status).toBe(200);
    const manifest = (await manifestResponse.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; icons: Array<{ src: string; sizes: string; type: string; purpose?: string }> };
    expect(manifest).toMatchObject({ name: 'bandeja', short_name: 'bandeja', start_url: '/all', display: 'standalone', theme_color: '#126ccf' });
    // Chromium's installability criteria: a 192 px and a 512 px PNG icon, and a maskable one.
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((icon) => icon.sizes === size && icon.type === 'image/png')).toBe(true);
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const path of [...manifest.icons.map((icon) => icon.src), '/favicon.ico', '/icons/apple-touch-icon.png', '/sw.js']) {
      const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(200);
    }

    const page = await newAgentPage();
    // The Badging API exists only for installed apps on some systems: its calls are recorded here.
    await page.context().addInitScript(() => {
      const calls: number[] = [];
      Object.assign(window, { badgeCalls: calls });
      Object.assign(navigator, {
        setAppBadge: async (count?: number) => void calls.push(count ?? 0),
        clearAppBadge: async () => void calls.push(0),
      });
    });
    await signIn(page, 'valeria@bandeja.test', PASSWORD);
    await page.goto('/all');
    await expect(page.locator('link[rel="manifest"]').getAttribute('href')).resolves.toBe('/manifest.webmanifest');
    await expect(page.locator('meta[name="theme-color"]').getAttribute('content')).resolves.toBe('#126ccf');
    await controlled(page);
    // Chromium's own checks: the manifest parses without errors and nothing blocks installing.
    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are off the record, which alone forbids installing ('in-incognito'); any
    // problem of the app (manifest, icons, service worker, start_url) would be listed beside it.
    expect(installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
    // The bell's unread count is on the app's icon.
    const unread = Number(await page.getByTestId('notification-count').textContent());
    expect(unread).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => (window as unknown as { badgeCalls: number[] }).badgeCalls.at(-1))).toBe(unread);
    await expect.poll(() => hasPagesCache(page)).toBe(true);
    await page.goto('/mentions');
    await expect.poll(() => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname), PAGES_CACHE)).toContain('/mentions');
    // No API response is ever cached; static files are.
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname)))).flat());
    expect(cached.filter((path) => path.startsWith('/api/'))).toEqual([]);
    expect(cached.some((path) => path.startsWith('/_next/static/'))).toBe(true);

    // Signing out clears the pages kept on this device.
    await page.goto('/all#views');
    await page.getByRole('button', { name: /Cerrar sesión|Sign out/ }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await expect.poll(() => hasPagesCache(page)).toBe(false);
  }, 60_000);
});

describe('Web Push', () => {
  let service: TestPushService;
  beforeAll(async () => {
    service = await startTestPushService();
  });
  afterAll(() => service.close());

  test("an agent opts in from the bell; another agent's mention reaches the service worker and shows a notification, with the bandeja closed", async () => {
    const device = service.device('carlos-phone');
    const carlos = await newAgentPage();
    await stubPushManager(carlos, device);
    await carlos.context().grantPermissions(['notifications'], { origin: baseUrl() });
    await signIn(carlos, 'carlos@bandeja.test', PASSWORD);
    await carlos.goto('/all');
    await controlled(carlos);
    const bell = carlos.locator('details:has([data-testid="notification-bell"])');
    await carlos.getByTestId('notification-bell').click();
    await bell.getByRole('button', { name: 'Recibir avisos en este dispositivo' }).click();
    await bell.locator('[data-testid="push-opt-in"][data-state="on"]').waitFor();
    await bell.getByText('Avisos activados en este dispositivo, también con bandeja cerrada').waitFor();
    // Carlos closes bandeja (the page leaves the app; the service worker stays registered).
    await carlos.goto('about:blank');

    const sofia = await newAgentPage();
    await signIn(sofia, 'sofia@bandeja.test', PASSWORD);
    await sofia.getByRole('link', { name: /Chat del sitio web/ }).first().click();
    await sofia.waitForURL((url) => /^\/inbox\/\d+$/.test(url.pathname));
    await cards(sofia).first().getByRole('link').click();
    await sofia.waitForURL((url) => /^\/inbox\/\d+\/\d+$/.test(url.pathname));
    const conversationId = Number(new URL(sofia.url()).pathname.split('/').at(-1));
    await composer(sofia).getByText('Nota privada', { exact: true }).click();
    await composer(sofia).getByRole('textbox').fill('Carlos, ¿puedes llamar al cliente? @Car');
    await sofia.getByRole('listbox', { name: 'Agentes para mencionar' }).getByRole('option', { name: 'Carlos Ruiz' }).waitFor();
    await sofia.keyboard.press('Enter');
    await sofia.keyboard.press('Enter');
    await messages(sofia).locator('[data-message-type="private"]', { hasText: '@Carlos Ruiz' }).last().waitFor();

    // The server's push, as the push service received it: signed, encrypted, for this conversation.
    const [push] = (await service.waitFor(1, 15_000)).filter((received) => received.device === 'carlos-phone');
    expect(push.payload).toMatchObject({
      type: 'conversation_mention',
      conversationId,
      body: 'Sofía Herrera te mencionó: (nota privada)',
      tag: `bandeja-conversation-${conversationId}`,
      url: `/all/${conversationId}`,
    });
    expect(push.payload.title).toMatch(new RegExp(`^#${String(push.payload.displayId)} · .+`));
    expect(push.plaintext).not.toContain('llamar al cliente');

    await deliverToServiceWorker(carlos, push.plaintext);
    await carlos.goto('/notifications');
    const shown = () =>
      carlos.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((notification) => ({
          title: notification.title,
          body: notification.body,
          tag: notification.tag,
          url: (notification.data as { url?: string } | null)?.url,
        })),
      );
    await expect.poll(shown).toEqual([{ title: push.payload.title, body: push.payload.body, tag: push.payload.tag, url: `/all/${conversationId}` }]);

    // A second push of the same conversation replaces the first (one per conversation: the tag).
    await deliverToServiceWorker(carlos, JSON.stringify({ ...push.payload, body: 'segunda' }));
    await expect.poll(async () => (await shown()).map((notification) => notification.body)).toEqual(['segunda']);

    // Turning it off on this device: the browser forgets the subscription.
    const bellAgain = carlos.locator('details:has([data-testid="notification-bell"])');
    await carlos.getByTestId('notification-bell').click();
    await bellAgain.getByRole('button', { name: 'Dejar de recibir avisos en este dispositivo' }).click();
    await bellAgain.locator('[data-testid="push-opt-in"][data-state="off"]').waitFor();
    await expect(carlos.evaluate(() => localStorage.getItem('e2e:push-subscription-key'))).resolves.toBeNull();
  }, 60_000);
});

describe('offline-tolerant sending', () => {
  test('at 375 px a reply typed offline is pending, survives a reload, and is sent once when the connection returns', async () => {
    const phone = await newAgentPage({ viewport: { width: 375, height: 740 } });
    await signIn(phone, 'diego@bandeja.test', PASSWORD);
    await phone.goto('/all?tab=all');
    await controlled(phone);
    await expect.poll(() => hasPagesCache(phone)).toBe(true);
    await cards(phone).first().getByRole('link').click();
    await phone.waitForURL((url) => /^\/all\/\d+$/.test(url.pathname));
    const conversationPath = new URL(phone.url()).pathname;
    // A full load of the conversation, so this device keeps it for an offline reload.
    await phone.goto(conversationPath);
    await messages(phone).locator('li').first().waitFor();

    allowConsoleErrors(/ERR_INTERNET_DISCONNECTED|Failed to fetch RSC payload/, 'the device is offline on purpose: requests and the WebSocket fail until it reconnects');
    await phone.context().setOffline(true);
    const reply = `Respuesta escrita sin conexión ${Date.now()}`;
    await composer(phone).getByRole('textbox').fill(reply);
    await composer(phone).getByRole('button', { name: 'Enviar' }).click();
    const bubble = messages(phone).locator('[data-message-type="outgoing"]', { hasText: reply });
    await bubble.getByText('pendiente de envío').waitFor();
    await phone.getByTestId('composer-queued').getByText('1 mensaje pendiente de envío').waitFor();
    await expect(composer(phone).getByRole('textbox').inputValue()).resolves.toBe('');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // Reloaded while still offline: the page comes from this device, the reply is still pending.
    await phone.reload();
    await bubble.getByText('pendiente de envío').waitFor();

    await phone.context().setOffline(false);
    await phone.getByTestId('composer-queued').waitFor({ state: 'detached' });
    await expect.poll(() => bubble.textContent()).not.toContain('pendiente de envío');

    // Stored once (same echoId on every attempt).
    await phone.goto(conversationPath);
    await messages(phone).locator('li').first().waitFor();
    await expect(messages(phone).locator('[data-message-type="outgoing"]', { hasText: reply }).count()).resolves.toBe(1);
  }, 60_000);
});
