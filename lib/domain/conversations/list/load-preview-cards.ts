import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  attachments,
  contacts,
  conversationLabels,
  conversationReads,
  conversations,
  inboxes,
  labels,
  mentions,
  messages,
  teams,
  users,
  type Attachment,
  type Conversation,
  type Message,
} from '@/db/schema';
import { preparedInboxScope, preparedScopeParams } from '../../authorization/scope';
import type { Ctx } from '../../context';
import { detailsColumns, detailsOf, type ConversationDetails, type DetailsRow } from '../conversation-details';
import { excerptOf, EXCERPT_LENGTH, lastMessageSubquery } from './last-message';

// What a card of the list shows (L6).
export type PreviewCard = Pick<
  Conversation,
  'id' | 'displayId' | 'status' | 'priority' | 'snoozedUntil' | 'waitingSince' | 'firstReplyAt' | 'lastActivityAt' | 'createdAt'
> & {
  inbox: { id: number; name: string; channelType: 'website' | 'api' | 'email' };
  contact: { id: number; name: string; email: string | null; phone: string | null; avatarUrl: string | null };
  assignee: { id: number; name: string; avatarUrl: string | null } | null;
  team: { id: number; name: string } | null;
  labels: Array<{ id: number; title: string; color: string }>;
  lastMessage: {
    id: number;
    excerpt: string;
    messageType: Message['messageType'];
    private: boolean;
    senderType: Message['senderType'];
    senderName: string | null;
    attachmentKind: Attachment['kind'] | null;
    createdAt: Date;
  } | null;
  unreadCount: number;
  // When the actor was last @mentioned here (V2 sorts by it); null when never.
  mentionedAt: Date | null;
};

export { EXCERPT_LENGTH };

// The page's conversation ids and the actor, bound when the statement runs: the four queries below
// have one shape for everyone, so they are built once and prepared (cardQueries) instead of per call.
const pageIds = (column: AnyPgColumn): SQL => sql`${column} = any(${sql.placeholder('ids')}::int[])`;
const actorId = sql.placeholder('userId');

const cardColumns = () => ({
  id: conversations.id,
  displayId: conversations.displayId,
  status: conversations.status,
  priority: conversations.priority,
  snoozedUntil: conversations.snoozedUntil,
  waitingSince: conversations.waitingSince,
  firstReplyAt: conversations.firstReplyAt,
  lastActivityAt: conversations.lastActivityAt,
  createdAt: conversations.createdAt,
  inbox: { id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType },
  contact: { id: contacts.id, name: contacts.name, email: contacts.email, phone: contacts.phone, avatarUrl: contacts.avatarUrl },
  assignee: { id: users.id, name: users.name, avatarUrl: users.avatarUrl },
  team: { id: teams.id, name: teams.name },
  mentionedAt: mentions.mentionedAt,
});

// The cards' conversation rows with the given columns: the cards' own, or with the details too.
const cardConversations = (db: Ctx['db'], columns: ReturnType<typeof cardColumns> & Partial<ReturnType<typeof detailsColumns>>) =>
  db
    .select(columns)
    .from(conversations)
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, eq(users.id, conversations.assigneeId))
    .leftJoin(teams, eq(teams.id, conversations.teamId))
    .leftJoin(mentions, and(eq(mentions.conversationId, conversations.id), eq(mentions.userId, actorId)))
    // The ids come from a list query already scoped; scoping again keeps this safe on any input.
    .where(and(pageIds(conversations.id), preparedInboxScope(conversations)));

const loadConversations = (db: Ctx['db']) => cardConversations(db, cardColumns());

// The same rows with the conversation's details (the HTTP API's conversation object) in the same
// statement.
const loadConversationsWithDetails = (db: Ctx['db']) => cardConversations(db, { ...cardColumns(), ...detailsColumns() });

const loadLabels = (db: Ctx['db']) =>
  db
    .select({ conversationId: conversationLabels.conversationId, id: labels.id, title: labels.title, color: labels.color })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(pageIds(conversationLabels.conversationId))
    .orderBy(asc(sql`lower(${labels.title})`), asc(labels.id));

// The last message of each conversation that is not an activity message (B4 lines such as "Laura
// resolved the conversation" are not what the card previews): one LATERAL index walk per conversation
// on messages_conversation_created_idx, stopping at the first non-activity message. Sender and
// attachment are looked up outside the LATERAL, where every column keeps its table name.
const loadLastMessages = (db: Ctx['db']) => {
  const last = lastMessageSubquery(db);
  return db
    .select({
      conversationId: conversations.id,
      id: last.id,
      content: last.content,
      messageType: last.messageType,
      private: last.private,
      senderType: last.senderType,
      senderName: sql<string | null>`coalesce(${users.name}, ${contacts.name})`,
      attachmentKind: sql<Attachment['kind'] | null>`(
        select ${attachments.kind} from ${attachments} where ${attachments.messageId} = ${last.id} order by ${attachments.id} limit 1
      )`,
      createdAt: last.createdAt,
    })
    .from(conversations)
    .innerJoinLateral(last, sql`true`)
    .leftJoin(users, and(eq(last.senderType, 'agent'), eq(users.id, last.senderId)))
    .leftJoin(contacts, and(eq(last.senderType, 'contact'), eq(contacts.id, last.senderId)))
    .where(pageIds(conversations.id));
};

// Unread = incoming messages after the actor's last read; every incoming message when never read.
const loadUnreadCounts = (db: Ctx['db']) =>
  db
    .select({ conversationId: messages.conversationId, count: sql<number>`count(*)::int`.mapWith(Number) })
    .from(messages)
    .leftJoin(
      conversationReads,
      // The page's ids in the ON as well: PostgreSQL then probes the (user, conversation) key for these
      // conversations instead of hashing every read mark of the user (bench/README.md).
      and(
        eq(conversationReads.conversationId, messages.conversationId),
        eq(conversationReads.userId, actorId),
        pageIds(conversationReads.conversationId),
      ),
    )
    .where(
      and(
        pageIds(messages.conversationId),
        eq(messages.messageType, 'incoming'),
        or(isNull(conversationReads.lastReadAt), gt(messages.createdAt, conversationReads.lastReadAt)),
      ),
    )
    .groupBy(messages.conversationId);

const prepareCardQueries = (db: Ctx['db']) =>
  [
    loadConversations(db).prepare('preview_card_conversations'),
    loadLabels(db).prepare('preview_card_labels'),
    loadLastMessages(db).prepare('preview_card_last_messages'),
    loadUnreadCounts(db).prepare('preview_card_unread_counts'),
    loadConversationsWithDetails(db).prepare('preview_card_conversations_with_details'),
  ] as const;
type CardQueries = ReturnType<typeof prepareCardQueries>;

// Building the four queries with drizzle took ~0.8 ms per call, most of the SQL building of a list
// call (bench/build-cost.ts, finding 19). With the actor bound as parameters their shape is the same
// for everyone: built once per database handle; only the ids and the actor change per call.
const cardQueriesCache = new WeakMap<object, CardQueries>();

export const cardQueriesFor = (db: Ctx['db']): CardQueries => {
  let queries = cardQueriesCache.get(db);
  if (!queries) cardQueriesCache.set(db, (queries = prepareCardQueries(db)));
  return queries;
};

// The four queries built afresh, not run: what every call did before (bench/build-cost.ts).
export const buildCardQueries = (db: Ctx['db']) => [loadConversations(db), loadLabels(db), loadLastMessages(db), loadUnreadCounts(db)] as const;

// The values bound to the card queries for one page and actor.
export const cardParams = (ctx: Ctx, ids: number[]) => ({ ids, userId: ctx.actor.userId, ...preparedScopeParams(ctx.actor) });

type CardRow = Awaited<ReturnType<CardQueries[0]['execute']>>[number];

// The cards of the given ids, in that order, from the four queries' rows.
const assembleCards = async (ctx: Ctx, ids: number[], conversationRows: Promise<CardRow[]>): Promise<PreviewCard[]> => {
  const [, labelsQuery, lastMessagesQuery, unreadQuery] = cardQueriesFor(ctx.db);
  const params = cardParams(ctx, ids);
  const [rows, labelRows, lastMessages, unread] = await Promise.all([
    conversationRows,
    labelsQuery.execute(params),
    lastMessagesQuery.execute(params),
    unreadQuery.execute(params),
  ]);

  const labelsOf = new Map<number, PreviewCard['labels']>();
  for (const { conversationId, ...label } of labelRows) {
    const list = labelsOf.get(conversationId) ?? [];
    list.push(label);
    labelsOf.set(conversationId, list);
  }
  const lastOf = new Map(lastMessages.map(({ conversationId, content, ...message }) => [conversationId, { ...message, excerpt: excerptOf(content) }]));
  const unreadOf = new Map(unread.map((row) => [row.conversationId, row.count]));
  const byId = new Map(rows.map((row) => [row.id, row]));

  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [{ ...row, labels: labelsOf.get(id) ?? [], lastMessage: lastOf.get(id) ?? null, unreadCount: unreadOf.get(id) ?? 0 }];
  });
};

// The cards of one page of the list (L6), in the order of `ids`, in four queries whatever the page
// size. Ids the actor may not see are left out.
export const loadPreviewCards = async (ctx: Ctx, ids: number[]): Promise<PreviewCard[]> => {
  if (ids.length === 0) return [];
  return assembleCards(ctx, ids, cardQueriesFor(ctx.db)[0].execute(cardParams(ctx, ids)));
};

// The cards and the conversations' details (ConversationDetails), still in four queries: the
// details ride on the cards' conversation query.
export const loadPreviewCardsWithDetails = async (ctx: Ctx, ids: number[]): Promise<{ items: PreviewCard[]; details: Map<number, ConversationDetails> }> => {
  if (ids.length === 0) return { items: [], details: new Map() };
  // This variant selects every detail column (cardConversations types them as optional).
  const rows = cardQueriesFor(ctx.db)[4].execute({ ...cardParams(ctx, ids), now: ctx.now().toISOString() }) as Promise<Array<CardRow & Omit<DetailsRow, 'id'>>>;
  const details = new Map<number, ConversationDetails>();
  const cardRows = rows.then((list) =>
    list.map(({ uuid, customAttributes, updatedAt, contactLastSeenAt, agentLastSeenAt, muted, contactDetails, ...card }) => {
      details.set(card.id, detailsOf({ id: card.id, uuid, customAttributes, updatedAt, contactLastSeenAt, agentLastSeenAt, muted, contactDetails }));
      return card;
    }),
  );
  // Details of ids the actor may not see are never loaded: the query is scoped like the cards.
  return { items: await assembleCards(ctx, ids, cardRows), details };
};
