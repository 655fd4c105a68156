import { and, eq } from 'drizzle-orm';
import PusherClient from 'pusher-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversations, messages } from '@/db/schema';
import { contactChannel } from '@/lib/domain/channels/api/contact-channel';
import { authorizeContactChannel } from '@/lib/domain/channels/api/contact-channel-auth';
import { resetRateLimits } from '@/lib/domain/channels/api/rate-limit';
import { authorizeVisitorChannel } from '@/lib/domain/channels/widget/visitor-channel-auth';
import { postWidgetMessage, startWidgetSession, visitorFromToken, type WidgetInbox } from '@/lib/domain/channels/widget/widget-session';
import type { Ctx } from '@/lib/domain/context';
import { deleteMessage } from '@/lib/domain/messages/delete-message';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { createPublisher } from '@/lib/realtime/publisher';
import { createChannelWorkspace, type ChannelWorkspace } from '@/tests/helpers/channels-factories';
import { callClientApi as call } from '@/tests/helpers/client-api-call';
import { useTestDatabase } from '@/tests/helpers/db';
import { app, clientOptions, nextEvent, pause, recordEvents, startRealtimeServer } from './realtime-test-server';

// A message an agent deletes reaches the customer live: the client API contact's pubsub channel
// and the widget visitor's channel hear `message.updated` (the payload each uses for new
// messages); a private note's deletion never goes there. Real pusher-js clients on the embedded
// server, authorised as the app's auth endpoints do (the pubsub token / the visitor token), and the
// production publisher behind the domain's deleteMessage.
const database = useTestDatabase();
let server: Awaited<ReturnType<typeof startRealtimeServer>>;
const clients: PusherClient[] = [];

beforeAll(async () => {
  server = await startRealtimeServer();
});
afterAll(async () => {
  clients.forEach((client) => client.disconnect());
  await server.stop();
});
beforeEach(() => resetRateLimits());

// A pusher-js client whose channel auth first runs `authorize` (the app's check), then signs.
const customer = async (authorize: (channel: string) => void | Promise<void>) => {
  const client = new PusherClient(
    app.key,
    clientOptions(server.port, ({ socketId, channelName }, callback) => {
      Promise.resolve()
        .then(() => authorize(channelName))
        .then(
          () => callback(null, server.sdk.authorizeChannel(socketId, channelName)),
          (error: Error) => callback(error, null),
        );
    }),
  );
  clients.push(client);
  await new Promise<void>((resolve) => client.connection.bind('connected', () => resolve()));
  return client;
};

const agentCtx = (workspace: ChannelWorkspace): Ctx => ({ ...workspace.ctx, realtime: createPublisher(server.sdk) });

const conversationOf = async (workspace: ChannelWorkspace, displayId: number) => {
  const [row] = await workspace.ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.inboxId, workspace.inbox.id), eq(conversations.displayId, displayId)));
  return row.id;
};

describe('a deleted message reaches the customer live', () => {
  it('client API: the contact subscribed with its pubsub_token hears message.updated for a reply and its own message, never for a private note', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db);
    const ana = (await call(workspace, 'createContactHandler', {}, { body: { name: 'Ana' } })).body as { source_id: string; pubsub_token: string };
    const displayId = (await call(workspace, 'createConversationHandler', { contact: ana.source_id }, { body: {} })).body.id as number;
    const posted = (await call(workspace, 'postMessageHandler', { contact: ana.source_id, conversation: displayId }, { body: { content: 'Hola' } })).body as { id: number };
    const conversationId = await conversationOf(workspace, displayId);
    const note = await sendMessage(workspace.ctx, { conversationId, content: 'nota interna', private: true });
    const reply = await sendMessage(workspace.ctx, { conversationId, content: 'Hola Ana' });

    const client = await customer((channel) => authorizeContactChannel({ token: ana.pubsub_token, channel }));
    const channel = await server.subscribe(client, contactChannel(ana.source_id));
    const updates = recordEvents(channel, 'message.updated');
    const ctx = agentCtx(workspace);

    // The private note first: nothing reaches the contact.
    await deleteMessage(ctx, { conversationId, messageId: note.id });
    const [deletedNote] = await db.select().from(messages).where(eq(messages.id, note.id));
    expect(deletedNote.contentAttributes).toEqual({ deleted: true });

    const heard = nextEvent(channel, 'message.updated');
    await deleteMessage(ctx, { conversationId, messageId: reply.id });
    expect((await heard).data).toEqual({ id: reply.id, conversation_id: displayId, message_type: 'outgoing' });
    const ownHeard = nextEvent(channel, 'message.updated');
    await deleteMessage(ctx, { conversationId, messageId: posted.id });
    expect((await ownHeard).data).toEqual({ id: posted.id, conversation_id: displayId, message_type: 'incoming' });
    await pause(200);
    expect(updates).toEqual([
      { id: reply.id, conversation_id: displayId, message_type: 'outgoing' },
      { id: posted.id, conversation_id: displayId, message_type: 'incoming' },
    ]);

    // Deleting again changes nothing and announces nothing.
    await deleteMessage(ctx, { conversationId, messageId: reply.id });
    await pause(200);
    expect(updates).toHaveLength(2);
  });

  it('website widget: the visitor channel hears message.updated for an agent reply, never for a private note; the widget view shows it deleted', async () => {
    const { db } = database();
    const workspace = await createChannelWorkspace(db, { channelType: 'website' });
    const inbox: WidgetInbox = { ...workspace.inbox, name: 'Web' };
    const session = await startWidgetSession(workspace.ctx, inbox, {});
    const visitor = visitorFromToken(inbox, session.token, new Date());
    const posted = await postWidgetMessage(workspace.ctx, inbox, visitor, { content: 'Hola', echoId: 'e1' });
    const [{ conversationId }] = await db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.id, posted.messageId));
    const note = await sendMessage(workspace.ctx, { conversationId, content: 'nota interna', private: true });
    const reply = await sendMessage(workspace.ctx, { conversationId, content: 'Te ayudo' });

    const client = await customer((channel) => authorizeVisitorChannel({ token: session.token, channel, now: new Date() }));
    const channel = await server.subscribe(client, session.channel);
    const updates = recordEvents(channel, 'message.updated');
    const ctx = agentCtx(workspace);

    await deleteMessage(ctx, { conversationId, messageId: note.id });
    const heard = nextEvent(channel, 'message.updated');
    await deleteMessage(ctx, { conversationId, messageId: reply.id });
    expect((await heard).data).toEqual({ messageId: reply.id });
    await pause(200);
    expect(updates).toEqual([{ messageId: reply.id }]);

    // What the widget re-reads: the bubble is marked deleted, without the old text.
    const view = await startWidgetSession(workspace.ctx, inbox, { token: session.token });
    expect(view.messages.map((message) => [message.id, message.deleted, message.content])).toEqual([
      [posted.messageId, false, 'Hola'],
      [reply.id, true, null],
    ]);
  });
});
