import type { Page, WebSocketRoute } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { allowConsoleErrors, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';

const PASSWORD = 'bandeja-demo';

const cards = (page: Page) => page.getByRole('list', { name: 'Conversaciones', exact: true }).locator(':scope > li:has(article)');
const messages = (page: Page) => page.getByRole('list', { name: 'Mensajes' });
const composer = (page: Page) => page.locator('form:has(textarea[name="content"])');

// The agent's realtime WebSocket runs through a playwright route (a transparent proxy to the app's
// embedded Pusher server), so the test can cut it from outside the page, as a network drop would:
// no hook in the app. While "offline", the browser context is offline too (no page requests, the
// window's offline event) and new sockets are closed at once.
const cuttableRealtime = async (page: Page) => {
  // Each routed socket: the page's side and the server's side.
  const sockets = new Map<WebSocketRoute, WebSocketRoute>();
  let cut = false;
  let opened = 0;
  await page.context().routeWebSocket(/\/app\/[^/?]+/, (socket) => {
    if (cut) return void socket.close({ code: 1001, reason: 'offline' });
    sockets.set(socket, socket.connectToServer());
    opened += 1;
    socket.onClose(() => sockets.delete(socket));
  });
  return {
    sockets,
    opened: () => opened,
    // Only the socket: the server side goes away and new sockets are refused, the page stays online.
    dropSocket: async () => {
      cut = true;
      for (const [socket, server] of [...sockets]) {
        await server.close().catch(() => undefined);
        await socket.close({ code: 1001, reason: 'gone' }).catch(() => undefined);
      }
    },
    allowSocket: () => {
      cut = false;
    },
    goOffline: async () => {
      cut = true;
      await page.context().setOffline(true);
      for (const [socket, server] of [...sockets]) {
        await server.close().catch(() => undefined);
        await socket.close({ code: 1001, reason: 'offline' }).catch(() => undefined);
      }
    },
    goOnline: async () => {
      cut = false;
      await page.context().setOffline(false);
    },
  };
};

describe('live: a dropped realtime connection catches up when it comes back', () => {
  // B (Sofía) with a conversation of the website chat open, her socket routed; A (Carlos) in the same one.
  const openBoth = async () => {
    const sofia = await newAgentPage();
    const network = await cuttableRealtime(sofia);
    await signIn(sofia, 'sofia@bandeja.test', PASSWORD);
    await sofia.getByRole('link', { name: /Chat del sitio web/ }).first().click();
    await sofia.waitForURL((url) => /^\/inbox\/\d+$/.test(url.pathname));
    await sofia.goto(`${new URL(sofia.url()).pathname}?tab=all`);
    await cards(sofia).first().getByRole('link').click();
    await sofia.waitForURL((url) => /^\/inbox\/\d+\/\d+$/.test(url.pathname));
    await messages(sofia).locator('li').first().waitFor();
    const conversationPath = new URL(sofia.url()).pathname;

    const carlos = await newAgentPage();
    await signIn(carlos, 'carlos@bandeja.test', PASSWORD);
    await carlos.goto(`${conversationPath}?tab=all`);
    await messages(carlos).locator('li').first().waitFor();
    // Both connected: each sees the other on the conversation's presence channel.
    await sofia.getByTestId('viewing-avatars').and(sofia.locator('[aria-label*="Carlos Ruiz"]')).waitFor();
    expect(network.sockets.size).toBeGreaterThan(0);
    // A mark on the document: still there at the end means the page was never reloaded.
    await sofia.evaluate(() => Object.assign(window, { sameDocument: true }));
    return { sofia, carlos, network };
  };
  const reply = async (carlos: Page, text: string) => {
    await composer(carlos).getByRole('textbox').fill(text);
    const stored = carlos.waitForResponse((response) => response.request().method() === 'POST' && /\/api\/conversations\/\d+\/messages$/.test(response.url()));
    await composer(carlos).getByRole('textbox').press('Enter');
    expect((await stored).ok()).toBe(true);
  };
  const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);

  test("B's network drops, A replies meanwhile: B sees the offline banner at once, then the missed reply after reconnecting, without a reload", async () => {
    // Cutting the network is the point: pusher-js writes to a socket that is closing.
    allowConsoleErrors(/WebSocket is already in CLOSING or CLOSED state/, 'the test takes the network away');
    const { sofia, carlos, network } = await openBoth();
    await network.goOffline();
    await sofia.getByTestId('realtime-offline').waitFor({ timeout: 5000 });
    expect(await sofia.getByTestId('realtime-offline').textContent()).toMatch(/Sin conexión/);

    const missed = `Respuesta mientras estabas sin conexión ${Date.now()}`;
    await reply(carlos, missed);
    // B did not hear it: not in B's chat while the connection is down.
    await sofia.waitForTimeout(1500);
    expect(await messages(sofia).getByText(missed).count()).toBe(0);
    await expect(sofia.getByTestId('realtime-offline').count()).resolves.toBe(1);

    const openedBefore = network.opened();
    const backAt = Date.now();
    await network.goOnline();
    await messages(sofia).locator('[data-message-type="outgoing"]', { hasText: missed }).waitFor({ timeout: 10_000 });
    console.log(`live-reconnect: the missed reply appeared ${Date.now() - backAt} ms after the network came back`);
    await cards(sofia).first().filter({ hasText: missed }).waitFor({ timeout: 5000 });
    await expect.poll(() => sofia.getByTestId('realtime-offline').count(), { timeout: 5000 }).toBe(0);
    expect(await sameDocument(sofia)).toBe(true);
    // pusher-js opened a new socket: the catch-up came from the reconnection's re-read.
    expect(network.opened()).toBeGreaterThan(openedBefore);
    expect(network.sockets.size).toBeGreaterThan(0);
  }, 45_000);

  test("only B's socket drops (the page stays online) and reconnecting fails for a while: the banner shows once pusher-js gives up, and the reply A sent meanwhile appears after the reconnection", async () => {
    const { sofia, carlos, network } = await openBoth();
    const droppedAt = Date.now();
    await network.dropSocket();
    const missed = `Respuesta durante el corte ${Date.now()}`;
    await reply(carlos, missed);
    // pusher-js retries quietly, then reports "unavailable" (after 10 s): the banner.
    await sofia.getByTestId('realtime-offline').waitFor({ timeout: 20_000 });
    console.log(`live-reconnect: banner ${Date.now() - droppedAt} ms after the socket dropped`);
    expect(await messages(sofia).getByText(missed).count()).toBe(0);

    const openedBefore = network.opened();
    const backAt = Date.now();
    network.allowSocket();
    await messages(sofia).locator('[data-message-type="outgoing"]', { hasText: missed }).waitFor({ timeout: 30_000 });
    console.log(`live-reconnect: the missed reply appeared ${Date.now() - backAt} ms after the server could be reached again`);
    expect(network.opened()).toBeGreaterThan(openedBefore);
    await expect.poll(() => sofia.getByTestId('realtime-offline').count(), { timeout: 5000 }).toBe(0);
    expect(await sameDocument(sofia)).toBe(true);
  }, 90_000);
});
