import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actingPublisher, actingSocketOf } from '@/lib/realtime/acting-publisher';
import { resolveRealtimeConfig } from '@/lib/realtime/config';
import { ACTING_SOCKET_FIELD } from '@/lib/realtime/acting-socket';
import { createPublisher, pusherFor } from '@/lib/realtime/publisher';
import { app, recordEvents, startRealtimeServer } from './realtime-test-server';

// A server action posted from a tab names that tab's connection: its events reach every other
// connection (another tab of the same agent, other agents) and not that one, whose page the action's
// response re-renders. The real SDK and pusher-js on the embedded server.
let server: Awaited<ReturnType<typeof startRealtimeServer>>;

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  await server.stop();
});

const CHANNEL = 'private-account-1-inbox-2';

describe('an action’s events and the tab it came from', () => {
  it('go to every subscriber but the acting connection', async () => {
    const pusher = pusherFor({ ...resolveRealtimeConfig({ AUTH_SECRET: 'x' }), ...app, api: { host: '127.0.0.1', port: server.port, useTLS: false } });
    const [acting, otherTab] = [await server.connect(), await server.connect()];
    const heard = await Promise.all([acting, otherTab].map(async (client) => recordEvents(await server.subscribe(client, CHANNEL), 'conversation.updated')));

    await createPublisher(pusher, acting.connection.socket_id).publish(CHANNEL, 'conversation.updated', { n: 1 });
    await createPublisher(pusher).publish(CHANNEL, 'conversation.updated', { n: 2 });

    // One socket's frames arrive in order: once the acting tab has the second event, it would have had the first.
    await expect.poll(() => heard[0].length).toBe(1);
    expect(heard[0]).toEqual([{ n: 2 }]);
    await expect.poll(() => heard[1]).toEqual([{ n: 1 }, { n: 2 }]);
  });
});

describe('actingSocketOf', () => {
  it('takes the field out of the form, so no schema sees it; a socket id gives a publisher that leaves it out', () => {
    const form = new FormData();
    form.set('conversationId', '5');
    form.set(ACTING_SOCKET_FIELD, '123.456');
    const acting = actingSocketOf(form);
    expect(acting).toMatchObject({ socketId: '123.456', realtime: { publish: expect.any(Function) } });
    expect(acting!.published()).toBe(false);
    expect([...form.keys()]).toEqual(['conversationId']);
  });

  it('is null without the field, or with anything that is no socket id (and the field is still taken out)', () => {
    expect(actingSocketOf(new FormData())).toBeNull();
    for (const value of ['', 'abc', '1.2.3', '1.2;x', "1.2' or 1=1"]) {
      const form = new FormData();
      form.set(ACTING_SOCKET_FIELD, value);
      expect(actingSocketOf(form)).toBeNull();
      expect(form.has(ACTING_SOCKET_FIELD)).toBe(false);
    }
    expect(actingSocketOf({} as FormData)).toBeNull();
    // Bounded like every socket id the app reads: 600 kB of digits would make each publish too big for
    // the realtime server, and the change's events would reach nobody.
    for (const value of [null, undefined, 123.456, '', 'abc', `${'9'.repeat(21)}.1`, `${'1'.repeat(600_000)}.1`]) expect(actingPublisher(value)).toBeNull();
  });

  it('remembers whether the change published anything (the action then re-renders the acting tab’s page)', async () => {
    // No realtime server answers this test's configuration: the publish is logged and dropped.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const acting = actingPublisher('1.2')!;
    expect(acting.published()).toBe(false);
    await acting.realtime.publish(CHANNEL, 'conversation.updated', { n: 1 });
    expect(acting.published()).toBe(true);
    errors.mockRestore();
  });
});
