import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { contacts, conversations, messages, notifications, users } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import type { NotificationType } from './should-notify';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationItem = {
  id: number;
  type: NotificationType;
  createdAt: Date;
  readAt: Date | null;
  conversation: { id: number; displayId: number; inboxId: number };
  contactName: string;
  // Who mentioned, assigned or wrote; null for a customer or a removed agent.
  actorName: string | null;
  // The start of the message it is about (a mention's note, a customer's message), if any.
  excerpt: string | null;
};

const EXCERPT_LENGTH = 120;

export type NotificationPage = { items: NotificationItem[]; nextCursor: string | null };

// The cursor is the last row's created_at as PostgreSQL's microsecond UTC text and its id (base64url
// JSON): rows with equal timestamps are never skipped or repeated. An unusable cursor is the first page.
const ZCursor = z.object({ t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), i: z.number().int().positive().max(2_147_483_647) });
const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) return undefined;
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success && !Number.isNaN(new Date(`${parsed.data.t.slice(0, 23)}Z`).getTime()) ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};
const createdText = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// The actor's notifications in this account whose conversation they may still see: a notification
// of an inbox they left is not shown (nor counted), like the conversation itself.
const mine = (ctx: Ctx): SQL => and(eq(notifications.userId, ctx.actor.userId), eq(notifications.accountId, ctx.actor.accountId), conversationScope(ctx.actor)) as SQL;

// The bell's list: newest first, NOTIFICATIONS_PAGE_SIZE per page.
export const listNotifications = async (ctx: Ctx, input: { cursor?: string } = {}): Promise<NotificationPage> => {
  const after = decodeCursor(input.cursor);
  const actors = alias(users, 'notification_actor');
  const rows = await ctx.db
    .select({
      id: notifications.id,
      type: notifications.type,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      key: createdText,
      conversation: { id: conversations.id, displayId: conversations.displayId, inboxId: conversations.inboxId },
      contactName: sql<string>`coalesce(nullif(${contacts.name}, ''), ${contacts.phone}, ${contacts.email}, '')`,
      actorName: actors.name,
      // Mention markup `@[Name](user:ID)` reads as "@Name"; whitespace runs as one space.
      excerpt: sql<string | null>`left(regexp_replace(regexp_replace(${messages.content}, '@\\[([^\\]]*)\\]\\(user:\\d+\\)', '@\\1', 'g'), '\\s+', ' ', 'g'), ${EXCERPT_LENGTH})`,
    })
    .from(notifications)
    .innerJoin(conversations, eq(conversations.id, notifications.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .leftJoin(messages, eq(messages.id, notifications.messageId))
    .where(and(mine(ctx), after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.t}::timestamptz, ${after.i})` : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1);
  const page = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: page.map(({ key: _key, ...item }) => ({ ...item, type: item.type as NotificationType })),
    nextCursor: rows.length > NOTIFICATIONS_PAGE_SIZE && last ? Buffer.from(JSON.stringify({ t: last.key, i: last.id }), 'utf8').toString('base64url') : null,
  };
};

// The bell's number.
export const countUnreadNotifications = async (ctx: Ctx): Promise<number> => {
  const [row] = await ctx.db
    .select({ unread: count() })
    .from(notifications)
    .innerJoin(conversations, eq(conversations.id, notifications.conversationId))
    .where(and(mine(ctx), isNull(notifications.readAt)));
  return row?.unread ?? 0;
};
