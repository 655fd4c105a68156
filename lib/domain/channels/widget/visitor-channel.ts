import { and, eq } from 'drizzle-orm';
import { contactInboxes, conversations, inboxes, users } from '@/db/schema';
import { conversationScope } from '../../authorization/scope';
import { customerVisibleMessage } from '../../messages/customer-visible-message';
import type { Ctx, SystemCtx } from '../../context';
import { DomainError } from '../../errors';

// The widget visitor's realtime channel: one per visitor (their source id in the inbox), authorised
// by their token at POST /api/widget/realtime-auth (visitor-channel-auth.ts), never by an agent's
// session. It carries only what the visitor may know: `message.created` of customer-visible
// messages and `message.updated` when one of them is deleted (ids; the widget re-reads), and
// `typing.started` / `typing.stopped` of the agents' public replies.
const PREFIX = 'private-visitor-';
export const visitorChannel = (sourceId: string) => `${PREFIX}${sourceId}`;

export type VisitorEvent = 'message.created' | 'message.updated' | 'typing.started' | 'typing.stopped';

export const publishToVisitor = async (ctx: Pick<Ctx, 'realtime'>, sourceId: string, event: VisitorEvent, data: Record<string, unknown>) => {
  // After commit, like every publish: a failure is logged, never fails the change (the widget polls).
  await ctx.realtime.publish(visitorChannel(sourceId), event, data).catch((error: unknown) => console.error(`realtime: publishing ${event} to a visitor failed`, error));
};

// The visitor's source id for a conversation of a website inbox; null for any other channel.
const websiteVisitorOf = async (db: SystemCtx['db'], conversationId: number) => {
  const [row] = await db
    .select({ sourceId: contactInboxes.sourceId })
    .from(conversations)
    .innerJoin(inboxes, and(eq(inboxes.id, conversations.inboxId), eq(inboxes.channelType, 'website')))
    .innerJoin(contactInboxes, eq(contactInboxes.id, conversations.contactInboxId))
    .where(eq(conversations.id, conversationId));
  return row?.sourceId ?? null;
};

// After an agent's message committed (message.created) or any message was deleted
// (message.updated): a customer-visible one (never a private note, never an activity line) is
// announced to the conversation's widget visitor.
export const announceMessageToVisitor = async (
  ctx: Pick<Ctx, 'db' | 'realtime'>,
  messageId: number,
  event: 'message.created' | 'message.updated' = 'message.created',
): Promise<void> => {
  const message = await customerVisibleMessage(ctx.db, messageId);
  if (!message) return;
  const sourceId = await websiteVisitorOf(ctx.db, message.conversationId);
  if (sourceId) await publishToVisitor(ctx, sourceId, event, { messageId });
};

const TYPING_RELAY_MS = 1_500;
const lastRelayed = new Map<string, { at: number; typing: boolean }>();

// An agent typing a public reply (or stopping): relayed to the widget visitor as typing.started /
// typing.stopped with the agent's name. `typing.started` at most every 1.5 s per agent and
// conversation (the composer repeats it while typing); the widget forgets it after a few seconds
// without a repeat. Conversations of other channels: nothing to do.
export const relayAgentTyping = async (ctx: Ctx, { conversationId, typing }: { conversationId: number; typing: boolean }): Promise<void> => {
  const [visible] = await ctx.db
    .select({ id: conversations.id, name: users.name })
    .from(conversations)
    .innerJoin(users, eq(users.id, ctx.actor.userId))
    .where(and(eq(conversations.id, conversationId), conversationScope(ctx.actor)));
  if (!visible) throw new DomainError('NOT_FOUND', { entity: 'conversation' });
  const key = `${ctx.actor.userId}:${conversationId}`;
  const last = lastRelayed.get(key);
  const now = Date.now();
  if (typing && last?.typing && now - last.at < TYPING_RELAY_MS) return;
  if (!typing && !last?.typing) return;
  lastRelayed.set(key, { at: now, typing });
  if (lastRelayed.size > 10_000) lastRelayed.clear();
  const sourceId = await websiteVisitorOf(ctx.db, conversationId);
  if (sourceId) await publishToVisitor(ctx, sourceId, typing ? 'typing.started' : 'typing.stopped', { name: visible.name });
};
