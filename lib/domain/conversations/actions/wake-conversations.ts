import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, conversations, type Conversation } from '@/db/schema';
import { writeActivity } from '../../activity/write-activity';
import type { RealtimeEvent } from '../../events/publish';
import { changeEvents } from './change-events';
import { enqueueConversationWebhooks } from '../../webhooks/enqueue-webhooks';

export type WakeConversationsOptions = {
  // Which conversations (besides being snoozed) to wake.
  where: SQL;
  reason: 'time' | 'customer_reply';
  at: Date;
  // The sweep wakes in batches and skips rows another transaction holds (an agent changing that
  // conversation, or another app instance's sweep): it will see them on its next pass if still due.
  limit?: number;
  skipLocked?: boolean;
};

export type WokenConversations = { conversations: Conversation[]; events: RealtimeEvent[] };

// C2: ends snoozes, inside the caller's transaction. ONE statement reopens them (UPDATE ... FROM a
// locked selection ... WHERE status = 'snoozed' RETURNING), so a conversation is woken exactly once
// whoever else is trying: a concurrent waker either skips the locked row or, once it gets it, finds
// it open and leaves it. Each woken conversation gets its system activity message (actor null), in
// its account's language; the events are for the caller to publish after commit.
export const wakeConversations = async (tx: Tx, options: WakeConversationsOptions): Promise<WokenConversations> => {
  const { where, reason, at, limit, skipLocked } = options;
  const due = tx.$with('due').as(
    tx
      .select({
        id: conversations.id,
        // The snooze that ends, for the activity record (RETURNING only sees the new, null value).
        previousUntil: sql`${conversations.snoozedUntil}`.mapWith(conversations.snoozedUntil).as('previous_until'),
      })
      .from(conversations)
      .where(and(eq(conversations.status, 'snoozed'), where))
      .orderBy(asc(conversations.snoozedUntil), asc(conversations.id))
      .limit(limit ?? 1_000)
      .for('update', skipLocked ? { skipLocked: true } : {}),
  );
  const woken = await tx
    .with(due)
    .update(conversations)
    .set({ status: 'open', snoozedUntil: null, updatedAt: at })
    .from(due)
    .where(and(eq(conversations.id, due.id), eq(conversations.status, 'snoozed')))
    .returning({ conversation: conversations, previousUntil: due.previousUntil });
  if (woken.length === 0) return { conversations: [], events: [] };

  // The sentence is written in each account's language and time zone: one query for all accounts,
  // then one INSERT per account (a sweep can wake conversations of many accounts at once).
  const accountIds = [...new Set(woken.map(({ conversation }) => conversation.accountId))];
  const settings = await tx
    .select({ id: accounts.id, locale: accounts.locale, timeZone: accounts.timeZone })
    .from(accounts)
    .where(inArray(accounts.id, accountIds));
  const messages = [];
  for (const account of settings) {
    const entries = woken
      .filter(({ conversation }) => conversation.accountId === account.id)
      .map(({ conversation, previousUntil }) => ({
        conversation,
        activity: { action: 'snooze_ended' as const, reason, snoozedUntil: (previousUntil as Date | null)?.toISOString() ?? null },
      }));
    messages.push(...(await writeActivity(tx, { actor: null, account, at, entries })));
  }

  // Channels (#7): conversation_status_changed webhook deliveries, in the caller's transaction.
  await enqueueConversationWebhooks(tx, woken.map(({ conversation }) => conversation.id), { event: 'conversation_status_changed', at, accountIds });

  const messageOf = new Map(messages.map((message) => [message.conversationId, message]));
  const changed = { status: 'open', previousStatus: 'snoozed', snoozedUntil: null };
  return {
    conversations: woken.map(({ conversation }) => conversation),
    events: woken.flatMap(({ conversation }) =>
      changeEvents(conversation, { changed, event: 'conversation.status_changed' }, messageOf.get(conversation.id)),
    ),
  };
};
