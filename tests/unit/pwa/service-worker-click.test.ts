import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

// public/sw.js run in a sandbox whose `self` is a service worker scope reduced to what a notification
// tap uses (clients, location): the browser APIs at their edge, the app's own handler as shipped.
type FakeWindow = { url: string; focused: boolean; navigatedTo: string | null; focus: () => Promise<void>; navigate: (url: string) => Promise<void> };
const ORIGIN = 'https://bandeja.example';

const loadWorker = (windows: FakeWindow[]) => {
  const handlers = new Map<string, (event: unknown) => void>();
  const opened: string[] = [];
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    addEventListener: (type: string, handler: (event: unknown) => void) => handlers.set(type, handler),
    clients: { matchAll: async () => windows, openWindow: async (url: string) => void opened.push(url), claim: async () => undefined },
    registration: {},
  };
  vm.runInNewContext(readFileSync(path.join(process.cwd(), 'public/sw.js'), 'utf8'), { self, caches: {}, URL, fetch, Response, Promise });
  const tap = async (data: unknown) => {
    let closed = false;
    const work: Array<Promise<unknown>> = [];
    handlers.get('notificationclick')!({ notification: { data, close: () => (closed = true) }, waitUntil: (promise: Promise<unknown>) => work.push(promise) });
    await Promise.all(work);
    return { closed, opened };
  };
  return { tap };
};

const fakeWindow = (url: string): FakeWindow => {
  const window: FakeWindow = {
    url,
    focused: false,
    navigatedTo: null,
    focus: async () => void (window.focused = true),
    navigate: async (target) => void (window.navigatedTo = target),
  };
  return window;
};

describe('service worker: tapping a push notification', () => {
  it('opens the conversation in a new window when bandeja is closed', async () => {
    const { tap } = loadWorker([]);
    const { closed, opened } = await tap({ url: '/all/166' });
    expect(closed).toBe(true);
    expect(opened).toEqual([`${ORIGIN}/all/166`]);
  });

  it('brings an open bandeja window forward on that conversation instead of opening another', async () => {
    const elsewhere = fakeWindow('https://other.example/');
    const open = fakeWindow(`${ORIGIN}/mentions`);
    const { tap } = loadWorker([elsewhere, open]);
    const { opened } = await tap({ url: '/all/166' });
    expect(opened).toEqual([]);
    expect(open).toMatchObject({ focused: true, navigatedTo: `${ORIGIN}/all/166` });
    expect(elsewhere).toMatchObject({ focused: false, navigatedTo: null });
  });

  it('never leaves the app: a foreign or missing URL opens the conversations list', async () => {
    const { tap } = loadWorker([]);
    await tap({ url: 'https://evil.example/phish' });
    const { opened } = await tap(null);
    expect(opened).toEqual([`${ORIGIN}/all`, `${ORIGIN}/all`]);
  });
});
