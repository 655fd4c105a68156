import type { Channel } from 'pusher-js';
import PusherClient from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAgentActive } from '@/lib/domain/agents/set-agent-active';
import { changeAgentRole } from '@/lib/domain/agents/change-agent-role';
import { authenticate } from '@/lib/domain/auth/authenticate';
import { loadSessionActor, type SessionClaims } from '@/lib/domain/auth/session-actor';
import type { Ctx } from '@/lib/domain/context';
import { removeInboxMember } from '@/lib/domain/inboxes/change-inbox-member';
import { authorizeChannel } from '@/lib/domain/realtime/authorize-channel';
import { changePassword } from '@/lib/domain/users/change-password';
import { createPublisher } from '@/lib/realtime/publisher';
import { reconnectWhenTerminated } from '@/lib/realtime/reconnect-when-terminated';
import { useTestDatabase } from '@/tests/helpers/db';
import { actorFor, createAccount, createInbox, createUser, ctxFor } from '@/tests/helpers/factories';
import { app, clientOptions, nextEvent, recordEvents, startRealtimeServer } from './realtime-test-server';

// Issue 12 item 7: realtime access ends with the membership. Real pusher-js clients on the embedded
// server, a real database, the domain functions an administrator (or the agent) calls, and the
// production publisher (the `pusher` SDK's terminateUserConnections). Each browser authorises as
// the app's /api/realtime/auth and /api/realtime/user-auth do: the session's actor
// (loadSessionActor, as every request) and authorizeChannel, signed by the SDK.
const database = useTestDatabase();
let server: Awaited<ReturnType<typeof startRealtimeServer>>;
const clients: PusherClient[] = [];
const stops: (() => void)[] = [];
const WAIT_MS = 15_000;
const PASSWORD = 'clave-de-prueba-1';

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  stops.forEach((stop) => stop());
  await server.stop();
});

const setUp = async () => {
  const { db } = database();
  const account = await createAccount(db);
  const inbox = await createInbox(db, { accountId: account.id });
  const admin = await createUser(db, { accountId: account.id, role: 'administrator' });
  const agent = await createUser(db, { accountId: account.id, inboxIds: [inbox.id], password: PASSWORD });
  const colleague = await createUser(db, { accountId: account.id, inboxIds: [inbox.id], password: PASSWORD });
  const realtime = createPublisher(server.sdk);
  const ctxOf = async (userId: number): Promise<Ctx> => ({ ...ctxFor(db, await actorFor(db, userId, account.id)), realtime });
  return { db, account, inbox, agent, colleague, adminCtx: await ctxOf(admin.id), ctxOf, channel: `private-account-${account.id}-inbox-${inbox.id}` };
};

type Db = ReturnType<typeof database>['db'];

// A signed-in browser tab: its session claims are fixed at sign-in, like a JWT cookie.
const browser = async (db: Db, user: { id: number; email: string }, accountId: number) => {
  const signedIn = await authenticate(db, { email: user.email, password: PASSWORD, ip: `203.0.113.${user.id % 250}`, now: new Date() });
  const session: SessionClaims = { sessionId: crypto.randomUUID(), userId: user.id, accountId, passwordStamp: signedIn.passwordStamp };
  const actorOrRefuse = async () => {
    const actor = await loadSessionActor(db, session);
    if (!actor) throw new Error('401');
    return actor;
  };
  const client = new PusherClient(app.key, {
    ...clientOptions(server.port, ({ socketId, channelName }, callback) => {
      void actorOrRefuse()
        .then(async (actor) => {
          const { presence } = await authorizeChannel({ db, actor }, { channel: channelName });
          callback(null, server.sdk.authorizeChannel(socketId, channelName, presence ?? undefined));
        })
        .catch((error: Error) => callback(error, null));
    }),
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        void actorOrRefuse()
          .then((actor) => callback(null, server.sdk.authenticateUser(socketId, { id: String(actor.userId) })))
          .catch((error: Error) => callback(error, null));
      },
    },
  });
  clients.push(client);
  stops.push(reconnectWhenTerminated(client, 0), () => client.disconnect());
  client.signin();
  await nextEvent(client.connection, 'connected', WAIT_MS);
  await client.user.signinDonePromise;
  expect(client.user.user_data).toEqual({ id: String(user.id) });
  return client;
};

const subscribed = async (client: PusherClient, name: string): Promise<Channel> => {
  const channel = client.subscribe(name);
  await nextEvent(channel, 'pusher:subscription_succeeded', WAIT_MS);
  return channel;
};

// Publishes `probe` on the inbox channel, waits until the colleague got it, then a marker on a
// public channel both tabs keep: a socket gets frames in order, so once the agent has the marker,
// a probe that was going to reach them has.
const probe = async (channel: string, colleague: Channel, marker: { agent: Channel; colleague: Channel }, n: number) => {
  const heard = nextEvent(colleague, 'probe', WAIT_MS);
  await server.sdk.trigger(channel, 'probe', { n });
  expect((await heard).data).toEqual({ n });
  const markers = [nextEvent(marker.agent, 'marker', WAIT_MS), nextEvent(marker.colleague, 'marker', WAIT_MS)];
  await server.sdk.trigger(`marker-${channel}`, 'marker', { n });
  await Promise.all(markers);
};

// Both tabs on the inbox channel and on a public marker channel; the agent's inbox events recorded.
const twoTabs = async (setup: Awaited<ReturnType<typeof setUp>>) => {
  const agentTab = await browser(setup.db, setup.agent, setup.account.id);
  const colleagueTab = await browser(setup.db, setup.colleague, setup.account.id);
  const agentInbox = await subscribed(agentTab, setup.channel);
  const colleagueInbox = await subscribed(colleagueTab, setup.channel);
  const marker = { agent: await subscribed(agentTab, `marker-${setup.channel}`), colleague: await subscribed(colleagueTab, `marker-${setup.channel}`) };
  const agentHeard = recordEvents(agentInbox, 'probe');
  await probe(setup.channel, colleagueInbox, marker, 1);
  expect(agentHeard).toEqual([{ n: 1 }]);
  return { agentTab, agentInbox, colleagueInbox, marker, agentHeard };
};

// The agent's tab is terminated, reconnects and is refused the inbox channel.
const refusedAfterReconnect = (agentInbox: Channel) => nextEvent<{ status?: number }>(agentInbox, 'pusher:subscription_error', WAIT_MS);

describe('realtime access ends with the membership', { timeout: 60_000 }, () => {
  it('an agent removed from an inbox stops hearing its channel; a colleague still does', async () => {
    const setup = await setUp();
    const { agentTab, agentInbox, colleagueInbox, marker, agentHeard } = await twoTabs(setup);

    const refused = refusedAfterReconnect(agentInbox);
    await removeInboxMember(setup.adminCtx, { inboxId: setup.inbox.id, userId: setup.agent.id });
    await refused;
    expect(agentTab.connection.state).toBe('connected');
    // The rest of their access works after the reconnect: their own user channel.
    await subscribed(agentTab, `private-user-${setup.agent.id}`);

    await probe(setup.channel, colleagueInbox, marker, 2);
    expect(agentHeard).toEqual([{ n: 1 }]);
  });

  // The change cuts the agent's tab off the inbox channel; the colleague keeps hearing it.
  const cutOffBy = async (change: (setup: Awaited<ReturnType<typeof setUp>>) => Promise<unknown>) => {
    const setup = await setUp();
    const { agentInbox, colleagueInbox, marker, agentHeard } = await twoTabs(setup);
    const refused = refusedAfterReconnect(agentInbox);
    await change(setup);
    await refused;
    await probe(setup.channel, colleagueInbox, marker, 2);
    expect(agentHeard).toEqual([{ n: 1 }]);
  };

  it('a deactivated agent stops hearing every channel; a colleague still does', () =>
    cutOffBy((setup) => setAgentActive(setup.adminCtx, { userId: setup.agent.id, active: false })));

  // The agent changes it (e.g. from their phone): this tab's session carries the old stamp.
  it("a password change ends the old session's sockets; a colleague still hears the inbox", () =>
    cutOffBy(async (setup) => changePassword(await setup.ctxOf(setup.agent.id), { currentPassword: PASSWORD, newPassword: 'clave-nueva-2', ip: '198.51.100.9' })));

  it('an administrator made an agent loses the inboxes they are not a member of', async () => {
    const setup = await setUp();
    const { db, account } = setup;
    const boss = await createUser(db, { accountId: account.id, role: 'administrator', password: PASSWORD });
    const bossTab = await browser(db, boss, account.id);
    const bossInbox = await subscribed(bossTab, setup.channel);
    const refused = refusedAfterReconnect(bossInbox);
    await changeAgentRole(setup.adminCtx, { userId: boss.id, role: 'agent' });
    await refused;
  });

  it('only sockets signed in as the user are terminated; a forged sign-in is refused', async () => {
    const socket = await server.rawSocket();
    const established = await socket.next('pusher:connection_established');
    const { socket_id: socketId } = JSON.parse(String(established.data)) as { socket_id: string };
    const forged = server.sdk.authenticateUser(socketId, { id: '7' });
    socket.send({ event: 'pusher:signin', data: { auth: forged.auth.replace(/.$/, (c) => (c === '0' ? '1' : '0')), user_data: forged.user_data } });
    expect((await socket.next('pusher:error')).data).toMatchObject({ code: 4009 });
    expect((await socket.closed).code).toBe(4009);

    const honest = await server.rawSocket();
    const { socket_id: honestId } = JSON.parse(String((await honest.next('pusher:connection_established')).data)) as { socket_id: string };
    const other = await server.rawSocket();
    await other.next('pusher:connection_established');
    honest.send({ event: 'pusher:signin', data: server.sdk.authenticateUser(honestId, { id: '7' }) });
    await honest.next('pusher:signin_success');
    await server.sdk.terminateUserConnections('7');
    expect((await honest.closed).code).toBe(4009);
    expect(other.ws.readyState).toBe(other.ws.OPEN);
    other.ws.close();
  });
});
