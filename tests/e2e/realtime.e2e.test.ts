import type { WebSocket as PageWebSocket, Request } from 'playwright-core';
import { WebSocket } from 'ws';
import { describe, expect, test } from 'vitest';
import { LOCAL_ACTION_QUIET_MS, REFRESH_DELAY_MS } from '@/components/realtime/use-coalesced-refresh';
import { ACTING_SOCKET_FIELD } from '@/lib/realtime/acting-socket';
import { allowConsoleErrors, baseUrl, newAgentPage, signIn } from '@/tests/e2e/helpers/browser';
import { composerForm, conversationCards, messageList, openWebsiteConversation } from '@/tests/e2e/helpers/conversations';

// The embedded Pusher-protocol server inside the built app: same origin and port as the pages.
// (Events reaching a second agent's browser are tests/e2e/live.e2e.test.ts.)

// Resolves with the first frame the page's WebSocket receives that matches `pattern`.
const frameMatching = (socket: PageWebSocket, pattern: RegExp) =>
  new Promise<string>((resolve) => {
    socket.on('framereceived', ({ payload }) => {
      if (pattern.test(String(payload))) resolve(String(payload));
    });
  });

describe('the embedded realtime server', () => {
  test('a signed-in page opens a pusher connection to its own origin and subscribes to its private channels', async () => {
    const page = await newAgentPage();
    const opened = page.waitForEvent('websocket', { predicate: (socket) => new URL(socket.url()).pathname.startsWith('/app/') });
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    const socket = await opened;
    const established = frameMatching(socket, /pusher:connection_established/);
    // Signed by /api/realtime/auth. The user sign-in's own `#server-to-user-N` channel may answer
    // first, so wait for a private channel's answer rather than the first subscription.
    const subscribed = frameMatching(socket, /pusher_internal:subscription_succeeded.*"channel":"private-/);

    expect(new URL(socket.url()).host).toBe(new URL(baseUrl()).host);
    expect(await established).toMatch(/socket_id/);
    expect(await subscribed).toMatch(/"channel":"private-(account|user)-\d+/);
  });

  test('signing out ends the tab’s connection at once, before the sign-out answers: no channel is authorised again', async () => {
    const page = await newAgentPage();
    const opened = page.waitForEvent('websocket', { predicate: (socket) => new URL(socket.url()).pathname.startsWith('/app/') });
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    const socket = await opened;
    await frameMatching(socket, /pusher_internal:subscription_succeeded.*"channel":"private-/);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));

    // The sign-out's POST is held until the socket has closed (or 5 s): the tab closes it when the
    // form is submitted, not when the answer takes it to the sign-in page.
    let closedBeforeAnswer = false;
    const authorisedAfterClick: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/realtime/')) authorisedAfterClick.push(request.url());
    });
    await page.route(
      (url) => url.pathname === '/all',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        closedBeforeAnswer = await Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
        await route.continue();
      },
    );
    await page.getByRole('button', { name: /Cerrar sesión|Sign out/ }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(closedBeforeAnswer).toBe(true);
    expect(authorisedAfterClick).toEqual([]);
  });

  // An agent may sign out the moment the page shows: while it hydrates, before pusher-js has loaded,
  // or between the socket opening and its first frame. Whichever, no channel is authorised once the
  // sign-out is submitted (with the session ended, that is a 401 in the console). The last case is
  // a race this may or may not meet in a run: tests/integration/realtime-server/close-client.test.ts
  // pins it down.
  test('signing out the moment the page shows, whatever the live connection is doing: no channel is authorised after the sign-out is submitted', async () => {
    const page = await newAgentPage();
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    // The sign-out's answer comes late (a loaded server), after the server has ended the session: the
    // page it was submitted from has all that time to hydrate and connect.
    await page.route(
      (url) => url.pathname === '/all',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const response = await route.fetch({ maxRedirects: 0 });
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.fulfill({ response });
      },
    );
    for (const waitUntil of ['commit', 'domcontentloaded', 'load', 'load'] as const) {
      // From the sign-out's POST on (the click itself may wait for the button to settle).
      let submitted = false;
      const authorisedAfterSubmit: string[] = [];
      const record = (request: Request) => {
        const { pathname } = new URL(request.url());
        if (request.method() === 'POST' && pathname === '/all') submitted = true;
        if (submitted && pathname.startsWith('/api/realtime/')) authorisedAfterSubmit.push(pathname);
      };
      page.on('request', record);
      await page.goto('/all', { waitUntil });
      await page.getByRole('button', { name: /Cerrar sesión|Sign out/ }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      // What the old page would still start has had its time: the sign-in page is interactive.
      await page.locator('input[name="email"]').waitFor();
      await page.waitForLoadState('load');
      page.off('request', record);
      expect(authorisedAfterSubmit, waitUntil).toEqual([]);
      await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    }
  });

  // Issue 16: a change an agent makes renders their tab once, from the action's answer; the change's
  // events go to every other connection, among them the same agent's other tab, and not back to the
  // tab that made it (where they used to re-render the same page again 1.5 s later).
  test('an agent’s own change renders their tab once, and their other tab hears it live', async () => {
    const acting = await newAgentPage();
    await signIn(acting, 'carlos@bandeja.test', 'bandeja-demo');
    await openWebsiteConversation(acting);
    const conversation = `${new URL(acting.url()).pathname}?tab=all&details=1`;
    const other = await acting.context().newPage();
    const subscribed = async (page: typeof acting) => {
      const opened = page.waitForEvent('websocket', { predicate: (socket) => new URL(socket.url()).pathname.startsWith('/app/') });
      await page.goto(conversation);
      await frameMatching(await opened, /pusher_internal:subscription_succeeded.*"channel":"private-account-\d+-inbox-/);
    };
    await subscribed(acting);
    await subscribed(other);

    // What the acting tab asks the server for from the change on: the action, and nothing else.
    const asked: Request[] = [];
    acting.on('request', (request) => {
      if (['fetch', 'xhr'].includes(request.resourceType())) asked.push(request);
    });
    const select = (page: typeof acting) => page.locator('aside select[name="priority"]');
    const priority = (await select(acting).inputValue()) === 'urgent' ? 'low' : 'urgent';
    const answered = acting.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined);
    await select(acting).selectOption(priority);
    // The form's fields as React encodes an action's arguments (`_1_` is the FormData's part).
    expect((await answered).request().postData()).toMatch(new RegExp(`name="(_\\d+_)?${ACTING_SOCKET_FIELD}"\r\n\r\n\\d+\\.\\d+\r\n`));

    await expect.poll(() => select(other).inputValue(), { timeout: 10_000 }).toBe(priority);
    await expect.poll(() => select(acting).inputValue()).toBe(priority);
    // Long enough for a re-read the tab's own events would have asked for.
    await acting.waitForTimeout(LOCAL_ACTION_QUIET_MS + REFRESH_DELAY_MS + 700);
    const what = (request: Request) => `${request.method()} ${new URL(request.url()).pathname} ${request.headers()['next-action'] ? 'action' : request.headers()['rsc'] ? 'rsc' : ''}`.trim();
    const path = new URL(acting.url()).pathname;
    expect(asked.map(what)).toEqual([`POST ${path} action`]);

    // A reply: the composer shows the stored message and re-reads the page once; the other tab
    // gets the message live. The message's events no longer also re-read the list and the messages.
    asked.length = 0;
    const reply = `Respuesta de una sola lectura ${Date.now()}`;
    await acting.locator('form:has(textarea[name="content"]) textarea').fill(reply);
    await acting.keyboard.press('Enter');
    await other.getByRole('list', { name: 'Mensajes' }).getByText(reply).waitFor({ timeout: 10_000 });
    await expect.poll(() => asked.map(what), { timeout: 10_000 }).toContain(`GET ${path} rsc`);
    await acting.waitForTimeout(LOCAL_ACTION_QUIET_MS + REFRESH_DELAY_MS + 700);
    // (The composer also says the agent is typing, and stopped.)
    expect(asked.map(what).filter((request) => !request.endsWith('/typing'))).toEqual([`POST /api/conversations/${path.split('/').at(-1)}/messages`, `GET ${path} rsc`]);
  });

  test('a reply whose answer was lost is sent again from the next conversation, stored once, and its card shows it', async () => {
    const page = await newAgentPage();
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    await openWebsiteConversation(page);
    const first = new URL(page.url()).pathname.split('/').at(-1)!;
    // The send reaches the server and is stored; its answer never reaches the tab (so its events,
    // sent to every tab but this one, never come here either).
    allowConsoleErrors(/net::ERR_CONNECTION_RESET \[[^\]]*\/api\/conversations\/\d+\/messages\]/, 'the test loses the answer of a send');
    let lost = false;
    await page.route('**/api/conversations/*/messages', async (route) => {
      if (lost || route.request().method() !== 'POST') return route.fallback();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const reply = `Respuesta con la respuesta perdida ${Date.now()}`;
    await composerForm(page).locator('textarea').fill(reply);
    await page.keyboard.press('Enter');
    await page.getByTestId('composer-queued').waitFor();

    // Another conversation: its composer sends the queue at once, and the server answers with the
    // stored message.
    const resent = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/conversations/${first}/messages`));
    const card = (id: string) => conversationCards(page).filter({ has: page.locator(`a[data-conversation-link][href^="/all/${id}?"], a[data-conversation-link][href="/all/${id}"]`) });
    await conversationCards(page).filter({ hasNot: page.locator(`a[href^="/all/${first}?"], a[href="/all/${first}"]`) }).first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname !== `/all/${first}`);
    expect((await resent).ok()).toBe(true);
    await card(first).getByText(reply).waitFor({ timeout: 10_000 });

    await card(first).getByRole('link').click();
    await messageList(page).getByText(reply).waitFor();
    expect(await messageList(page).getByText(reply).count()).toBe(1);
  });

  test('the channel auth endpoint needs a session, and refuses a channel that is not the agent’s', async () => {
    const form = (channel: string) => new URLSearchParams({ socket_id: '123.456', channel_name: channel });
    expect((await fetch(`${baseUrl()}/api/realtime/auth`, { method: 'POST', body: form('private-user-1') })).status).toBe(401);

    // The refused request is the point of this test; Chromium logs every 4xx fetch.
    allowConsoleErrors(/status of 403 \(Forbidden\) \[[^\]]*\/api\/realtime\/auth\]/, 'the test asks for a channel that is not the agent\'s');
    const page = await newAgentPage();
    await signIn(page, 'carlos@bandeja.test', 'bandeja-demo');
    const status = await page.evaluate(
      async (body) => (await fetch('/api/realtime/auth', { method: 'POST', body: new URLSearchParams(body) })).status,
      Object.fromEntries(form('private-user-999999')),
    );
    expect(status).toBe(403);
  });

  test('answers the protocol and the signed HTTP events API on the app port, before Next.js', async () => {
    const ws = new WebSocket(`${baseUrl().replace(/^http/, 'ws')}/app/not-the-key?protocol=7`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    // An unknown key is Pusher's 4001, from the realtime server rather than a Next.js 404.
    expect(await closed).toBe(4001);

    const unsigned = await fetch(`${baseUrl()}/apps/bandeja/events`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(401);
  });
});
