import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { createTranslator } from 'use-intl/core';
import type { DbOrTx } from '@/db/client';
import { contacts, conversations, messages, notifications, users } from '@/db/schema';
import enNotifications from '@/lib/i18n/messages/en/notifications.json';
import esNotifications from '@/lib/i18n/messages/es/notifications.json';
import { conversationScope } from '../authorization/scope';
import { loadActor } from '../authorization/load-actor';
import { visibleText } from '../messages/parse-mentions';
import type { NotificationType } from '../notifications/should-notify';

// What the service worker receives (public/sw.js shows it): the lock screen's title and text, the
// `tag` that makes a newer push of the same conversation replace the older one, the path a tap
// opens, and the agent's unread count for the app icon's badge.
export type PushPayload = {
  notificationId: number;
  type: NotificationType;
  conversationId: number;
  displayId: number;
  contactName: string;
  title: string;
  body: string;
  tag: string;
  url: string;
  unread: number;
};

const EXCERPT_LENGTH = 140;
const catalogs = { es: esNotifications, en: enNotifications };

const excerptOf = (content: string | null): string => {
  const text = visibleText(content ?? '').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
};

// The conversation's own tag: one notification per conversation on the device, the newest.
export const pushTag = (conversationId: number): string => `bandeja-conversation-${conversationId}`;

// The payload of each notification that may still be pushed: its agent is still an active member
// and may still see the conversation (a notification of an inbox they left is not pushed, as the
// bell does not show it). Built at delivery, in the agent's language. A private note's text reaches
// the lock screen only when the agent allowed it (preferences.pushNoteText); otherwise the push says
// "private note".
export const buildPushPayloads = async (db: DbOrTx, notificationIds: number[]): Promise<Map<number, PushPayload>> => {
  const payloads = new Map<number, PushPayload>();
  if (notificationIds.length === 0) return payloads;
  const owners = await db
    .selectDistinct({ userId: notifications.userId, accountId: notifications.accountId, locale: users.locale, preferences: users.preferences })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(inArray(notifications.id, notificationIds));
  const actors = alias(users, 'push_actor');
  for (const owner of owners) {
    const actor = await loadActor(db, { userId: owner.userId, accountId: owner.accountId });
    if (!actor) continue;
    const mine = and(eq(notifications.userId, actor.userId), eq(notifications.accountId, actor.accountId), conversationScope(actor));
    const [rows, [unread]] = await Promise.all([
      db
        .select({
          id: notifications.id,
          type: notifications.type,
          conversationId: conversations.id,
          displayId: conversations.displayId,
          contactName: sql<string>`coalesce(nullif(${contacts.name}, ''), ${contacts.phone}, ${contacts.email}, '')`,
          actorName: actors.name,
          content: messages.content,
          private: messages.private,
          messageId: messages.id,
        })
        .from(notifications)
        .innerJoin(conversations, eq(conversations.id, notifications.conversationId))
        .innerJoin(contacts, eq(contacts.id, conversations.contactId))
        .leftJoin(messages, eq(messages.id, notifications.messageId))
        .leftJoin(actors, eq(actors.id, notifications.actorId))
        .where(and(mine, inArray(notifications.id, notificationIds))),
      db
        .select({ count: sql<number>`count(*)::int` })
        .from(notifications)
        .innerJoin(conversations, eq(conversations.id, notifications.conversationId))
        .where(and(mine, isNull(notifications.readAt))),
    ]);
    const t = createTranslator({ locale: owner.locale, messages: catalogs[owner.locale === 'en' ? 'en' : 'es'], namespace: 'notifications' });
    for (const row of rows) {
      const type = row.type as NotificationType;
      const hidden = row.private && owner.preferences.pushNoteText !== true;
      const excerpt = hidden ? t('push.privateNote') : row.messageId !== null ? excerptOf(row.content) || t('push.attachment') : '';
      const who = row.actorName ?? (type === 'participating_message' ? row.contactName : null);
      payloads.set(row.id, {
        notificationId: row.id,
        type,
        conversationId: row.conversationId,
        displayId: row.displayId,
        contactName: row.contactName,
        title: t('push.title', { number: row.displayId, contact: row.contactName }),
        body: who ? t(`push.body.${type}`, { actor: who, excerpt }) : t(`push.bodyWithoutActor.${type}`, { excerpt }),
        tag: pushTag(row.conversationId),
        url: `/all/${row.conversationId}`,
        unread: unread?.count ?? 0,
      });
    }
  }
  return payloads;
};
