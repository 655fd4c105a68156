import type { PresenceChannel } from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, nextEvent, pause, recordEvents, startRealtimeServer } from './realtime-test-server';

// The embedded Pusher-protocol server driven by the unchanged pusher-js client and pusher SDK.
let server: Awaited<ReturnType<typeof startRealtimeServer>>;

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  await server.stop();
});

describe('connections', () => {
  it('connects pusher-js and gives it a socket id', async () => {
    const client = await server.connect();
    expect(client.connection.state).toBe('connected');
    expect(client.connection.socket_id).toMatch(/^\d+\.\d+$/);
  });

  it('answers pusher:ping with pusher:pong', async () => {
    const socket = await server.rawSocket();
    expect(await socket.next('pusher:connection_established')).toMatchObject({ data: expect.stringContaining('"activity_timeout":120') });
    socket.send({ event: 'pusher:ping', data: {} });
    expect(await socket.next('pusher:pong')).toEqual({ event: 'pusher:pong', data: {} });
    socket.ws.close();
  });

  it('refuses an unknown app key with 4001 and an unsupported protocol with 4007', async () => {
    const wrongKey = await server.rawSocket('/app/not-the-key?protocol=7');
    expect(await wrongKey.next('pusher:error')).toMatchObject({ data: { code: 4001 } });
    expect((await wrongKey.closed).code).toBe(4001);

    const oldProtocol = await server.rawSocket(`/app/${app.key}?protocol=3`);
    expect(await oldProtocol.next('pusher:error')).toMatchObject({ data: { code: 4007 } });
    expect((await oldProtocol.closed).code).toBe(4007);
  });

  it('answers malformed frames with pusher:error and keeps serving', async () => {
    const badKey = await server.rawSocket('/app/%E0%A4%A?protocol=7');
    expect((await badKey.closed).code).toBe(4001);

    const socket = await server.rawSocket();
    await socket.next('pusher:connection_established');
    for (const frame of ['not json', '[]', '{"event":42}', '{"event":"pusher:subscribe","data":"{broken"}', '{"event":"pusher:subscribe","data":{"channel":"private-x","auth":5}}']) {
      socket.ws.send(frame);
    }
    socket.send({ event: 'pusher:unknown', data: {} });
    await socket.next('pusher:error');
    socket.send({ event: 'pusher:ping', data: {} });
    expect(await socket.next('pusher:pong')).toBeTruthy();
    expect(socket.frames.filter((frame) => frame.event === 'pusher:subscription_error')).toHaveLength(2);
    socket.ws.close();
    expect((await server.connect()).connection.state).toBe('connected');
  });
});

describe('subscriptions and triggers', () => {
  it('delivers an event triggered through the SDK to a public channel', async () => {
    const client = await server.connect();
    const channel = await server.subscribe(client, 'public-news');
    const received = nextEvent(channel, 'message.created');
    await server.sdk.trigger('public-news', 'message.created', { conversationId: 7, messageId: 42 });
    expect((await received).data).toEqual({ conversationId: 7, messageId: 42 });
  });

  it('subscribes to a private channel with a signature from the app secret and receives its events', async () => {
    const client = await server.connect();
    const channel = await server.subscribe(client, 'private-account-1-inbox-2');
    const received = nextEvent(channel, 'conversation.updated');
    await server.sdk.trigger('private-account-1-inbox-2', 'conversation.updated', { conversationId: 3, status: 'resolved' });
    expect((await received).data).toEqual({ conversationId: 3, status: 'resolved' });
  });

  it('refuses a private subscription signed with another secret, and delivers it nothing', async () => {
    const forger = await server.connect({ secret: 'not-the-secret' });
    const channel = forger.subscribe('private-account-1-inbox-2');
    const events = recordEvents(channel, 'conversation.updated');
    const { data } = await nextEvent<{ type: string; status: number }>(channel, 'pusher:subscription_error');
    expect(data).toMatchObject({ type: 'AuthError', status: 401 });

    await server.sdk.trigger('private-account-1-inbox-2', 'conversation.updated', { conversationId: 3 });
    await pause(100);
    expect(events).toEqual([]);
  });

  it('delivers a batch trigger to each event’s channel', async () => {
    const client = await server.connect();
    const inbox = await server.subscribe(client, 'private-account-1-inbox-5');
    const user = await server.subscribe(client, 'private-user-9');
    const messages = nextEvent(inbox, 'message.created');
    const notifications = nextEvent(user, 'notification.created');
    await server.sdk.triggerBatch([
      { channel: 'private-account-1-inbox-5', name: 'message.created', data: { messageId: 1 } },
      { channel: 'private-user-9', name: 'notification.created', data: { notificationId: 2 } },
    ]);
    expect((await messages).data).toEqual({ messageId: 1 });
    expect((await notifications).data).toEqual({ notificationId: 2 });
  });

  it('delivers one trigger to several channels, except to the socket_id it excludes', async () => {
    const sender = await server.connect();
    const other = await server.connect();
    const senderEvents = recordEvents(await server.subscribe(sender, 'private-account-1-inbox-6'), 'message.created');
    const otherChannel = await server.subscribe(other, 'private-account-1-inbox-6');
    const otherUser = await server.subscribe(other, 'private-user-10');
    const onInbox = nextEvent(otherChannel, 'message.created');
    const onUser = nextEvent(otherUser, 'message.created');
    await server.sdk.trigger(['private-account-1-inbox-6', 'private-user-10'], 'message.created', { messageId: 5 }, { socket_id: sender.connection.socket_id });
    expect((await onInbox).data).toEqual({ messageId: 5 });
    expect((await onUser).data).toEqual({ messageId: 5 });
    await pause(100);
    expect(senderEvents).toEqual([]);
  });

  it('stops delivering after pusher:unsubscribe', async () => {
    const client = await server.connect();
    const channel = await server.subscribe(client, 'private-account-1-inbox-7');
    const events = recordEvents(channel, 'message.created');
    client.unsubscribe('private-account-1-inbox-7');
    await pause(100);
    await server.sdk.trigger('private-account-1-inbox-7', 'message.created', { messageId: 1 });
    await pause(100);
    expect(events).toEqual([]);
  });
});

describe('presence channels', () => {
  it('lists the members on subscribing, and tells the others who joins and leaves', async () => {
    const carlos = await server.connect({ presence: { user_id: '1', user_info: { name: 'Carlos' } } });
    const sofia = await server.connect({ presence: { user_id: '2', user_info: { name: 'Sofía' } } });
    const carlosChannel = (await server.subscribe(carlos, 'presence-conversation-1')) as PresenceChannel;
    const added = nextEvent<{ id: string; info: unknown }>(carlosChannel, 'pusher:member_added');

    const sofiaChannel = (await server.subscribe(sofia, 'presence-conversation-1')) as PresenceChannel;
    expect(sofiaChannel.members.count).toBe(2);
    expect(sofiaChannel.members.me).toEqual({ id: '2', info: { name: 'Sofía' } });
    expect(sofiaChannel.members.get('1')).toEqual({ id: '1', info: { name: 'Carlos' } });
    expect((await added).data).toEqual({ id: '2', info: { name: 'Sofía' } });
    expect(carlosChannel.members.count).toBe(2);

    const removed = nextEvent<{ id: string }>(carlosChannel, 'pusher:member_removed');
    sofia.disconnect();
    expect((await removed).data).toMatchObject({ id: '2' });
    expect(carlosChannel.members.count).toBe(1);
  });

  it('counts a user with two sockets once, and removes them when the last one leaves', async () => {
    const watcher = await server.connect({ presence: { user_id: '10' } });
    const watcherChannel = (await server.subscribe(watcher, 'presence-conversation-2')) as PresenceChannel;
    const added = recordEvents(watcherChannel, 'pusher:member_added');
    const removed = recordEvents(watcherChannel, 'pusher:member_removed');
    const firstTab = await server.connect({ presence: { user_id: '11' } });
    const secondTab = await server.connect({ presence: { user_id: '11' } });
    await server.subscribe(firstTab, 'presence-conversation-2');
    const second = (await server.subscribe(secondTab, 'presence-conversation-2')) as PresenceChannel;
    expect(second.members.count).toBe(2);

    firstTab.disconnect();
    await pause(100);
    expect(removed).toEqual([]);
    secondTab.disconnect();
    await pause(100);
    expect(added).toHaveLength(1);
    expect(removed).toHaveLength(1);
  });

  it('refuses channel_data that the signature does not cover', async () => {
    const socket = await server.rawSocket();
    const established = await socket.next('pusher:connection_established');
    const socketId = (JSON.parse(established.data as string) as { socket_id: string }).socket_id;
    const signed = server.sdk.authorizeChannel(socketId, 'presence-conversation-3', { user_id: '1' });
    socket.send({ event: 'pusher:subscribe', data: { channel: 'presence-conversation-3', auth: signed.auth, channel_data: JSON.stringify({ user_id: '99' }) } });
    expect(await socket.next('pusher:subscription_error')).toMatchObject({ channel: 'presence-conversation-3', data: { status: 401 } });
    // The same signature with the channel_data it covers is accepted.
    socket.send({ event: 'pusher:subscribe', data: { channel: 'presence-conversation-3', auth: signed.auth, channel_data: signed.channel_data } });
    expect(await socket.next('pusher_internal:subscription_succeeded')).toMatchObject({ channel: 'presence-conversation-3' });
    socket.ws.close();
  });
});

describe('client events', () => {
  it('delivers client events on a private channel to the others, never back to the sender', async () => {
    const sender = await server.connect();
    const receiver = await server.connect();
    const senderChannel = await server.subscribe(sender, 'private-account-1-inbox-8');
    const receiverChannel = await server.subscribe(receiver, 'private-account-1-inbox-8');
    const echoed = recordEvents(senderChannel, 'client-typing');
    const received = nextEvent(receiverChannel, 'client-typing');

    expect(senderChannel.trigger('client-typing', { private: false })).toBe(true);
    expect((await received).data).toEqual({ private: false });
    await pause(100);
    expect(echoed).toEqual([]);
  });

  it('tells the others on a presence channel which member sent a client event', async () => {
    const carlos = await server.connect({ presence: { user_id: '21', user_info: { name: 'Carlos' } } });
    const sofia = await server.connect({ presence: { user_id: '22', user_info: { name: 'Sofía' } } });
    const carlosChannel = await server.subscribe(carlos, 'presence-conversation-4');
    const sofiaChannel = await server.subscribe(sofia, 'presence-conversation-4');
    const received = nextEvent(sofiaChannel, 'client-typing');
    carlosChannel.trigger('client-typing', { typing: true });
    const { data, metadata } = await received;
    expect(data).toEqual({ typing: true });
    expect(metadata).toEqual({ user_id: '21' });
  });

  it('refuses client events on a public channel and on a channel the socket is not subscribed to', async () => {
    const socket = await server.rawSocket();
    const listener = await server.connect();
    const events = recordEvents(await server.subscribe(listener, 'public-lobby'), 'client-hello');
    await socket.next('pusher:connection_established');
    socket.send({ event: 'pusher:subscribe', data: { channel: 'public-lobby' } });
    await socket.next('pusher_internal:subscription_succeeded');

    socket.send({ event: 'client-hello', channel: 'public-lobby', data: {} });
    expect(await socket.next('pusher:error')).toMatchObject({ data: { message: expect.stringContaining('only supported on private and presence channels') } });
    socket.send({ event: 'client-hello', channel: 'private-account-1-inbox-1', data: {} });
    expect(await socket.next('pusher:error')).toMatchObject({ data: { message: expect.stringContaining('not subscribed') } });
    await pause(100);
    expect(events).toEqual([]);
    socket.ws.close();
  });
});

describe('client event limits', () => {
  it('refuses client events beyond 10 a second per connection, and ones over 10 KB', async () => {
    const sender = await server.connect();
    const receiver = await server.connect();
    const senderChannel = await server.subscribe(sender, 'private-account-1-inbox-9');
    const received = recordEvents(await server.subscribe(receiver, 'private-account-1-inbox-9'), 'client-typing');
    const errors: string[] = [];
    sender.connection.bind('error', (error: unknown) => errors.push(JSON.stringify(error)));

    senderChannel.trigger('client-typing', { text: 'x'.repeat(10 * 1024) });
    // Within one second (the window is the wall-clock second, so stay clear of its end).
    if (Date.now() % 1000 > 700) await pause(1000 - (Date.now() % 1000));
    for (let index = 0; index < 12; index += 1) senderChannel.trigger('client-typing', { index });
    await pause(200);

    expect(received).toHaveLength(10);
    expect(errors).toEqual([expect.stringContaining('over 10 KB'), expect.stringContaining('rate limit'), expect.stringContaining('rate limit')]);
  });
});

describe('activity timeout', () => {
  it('pings an idle socket and closes it with 4201 when no pong comes; a socket that answers stays', async () => {
    const quick = await startRealtimeServer({ activityTimeoutMs: 150, pongTimeoutMs: 150 });
    try {
      const silent = await quick.rawSocket();
      const answering = await quick.rawSocket();
      expect(await silent.next('pusher:connection_established')).toMatchObject({ data: expect.stringContaining('"activity_timeout":1') });
      answering.ws.on('message', (raw) => {
        if (JSON.parse(raw.toString()).event === 'pusher:ping') answering.send({ event: 'pusher:pong', data: {} });
      });

      expect(await silent.next('pusher:ping')).toBeTruthy();
      const started = Date.now();
      expect(await silent.closed).toMatchObject({ code: 4201 });
      expect(Date.now() - started).toBeLessThan(1_000);

      await pause(500);
      expect(answering.ws.readyState).toBe(answering.ws.OPEN);
      answering.ws.close();
    } finally {
      await quick.stop();
    }
  });
});
