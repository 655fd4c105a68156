import type { PresenceChannel } from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typistFrom, type TypingPayload } from '@/components/realtime/typist';
import { nextEvent, startRealtimeServer } from './realtime-test-server';

// Item: typing indicators name the socket's authenticated member, never what the sender wrote.
// Real pusher-js clients on the embedded server; the presence auth is signed by the SDK as the
// app's /api/realtime/auth signs it (user_id and user_info from the session).
let server: Awaited<ReturnType<typeof startRealtimeServer>>;

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  await server.stop();
});

describe('client-typing on a conversation presence channel', () => {
  it('the reader takes the typist from the server-stamped user_id and the signed user_info, not from the event', async () => {
    const channelName = 'presence-conversation-77';
    const mallory = await server.connect({ presence: { user_id: '12', user_info: { name: 'Mallory' } } });
    const reader = await server.connect({ presence: { user_id: '34', user_info: { name: 'Sofía' } } });
    const malloryChannel = (await server.subscribe(mallory, channelName)) as PresenceChannel;
    const readerChannel = (await server.subscribe(reader, channelName)) as PresenceChannel;

    const received = nextEvent<TypingPayload>(readerChannel, 'client-typing');
    // Mallory claims to be the administrator (user 1) typing.
    malloryChannel.trigger('client-typing', { userId: 1, name: 'Administración', isPrivate: false, typing: true });
    const { data, metadata } = await received;
    const sender = (metadata as { user_id?: string } | undefined)?.user_id;
    expect(sender).toBe('12');

    const typist = typistFrom(data, { userId: sender, info: (readerChannel.members.get(sender!) as { info?: { name?: unknown } } | null)?.info }, 34, () => '');
    expect(typist).toEqual({ userId: 12, name: 'Mallory', isPrivate: false, typing: true });
  });

  it('an event without a member behind it, or from me, names nobody', () => {
    expect(typistFrom({ userId: 1, name: 'Administración', typing: true }, { userId: undefined, info: null }, 34, () => 'x')).toBeNull();
    expect(typistFrom({ typing: true }, { userId: '34', info: { name: 'Sofía' } }, 34, () => 'x')).toBeNull();
    // No signed name: the inbox's agent list names them, still by the server's id.
    expect(typistFrom({ name: 'Otro', typing: true, isPrivate: true }, { userId: '5', info: {} }, 34, (id) => `agente ${id}`)).toEqual({ userId: 5, name: 'agente 5', isPrivate: true, typing: true });
  });
});
