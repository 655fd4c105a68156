import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { contacts, conversations, inboxes, messages, users } from '@/db/schema';
import { inboxScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { highlightExcerpt, type ExcerptSegment } from './highlight';
import { SEARCH_QUERY_MAX_LENGTH, toSearchQuery } from './search-query';

export const ZSearchMessagesInput = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX_LENGTH),
  cursor: z.string().max(200).nullish(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TSearchMessagesInput = z.input<typeof ZSearchMessagesInput>;

// The cursor is the last item's (created_at, id). created_at travels as UTC text with microseconds:
// a JavaScript Date keeps milliseconds only, and two messages in the same millisecond would be skipped.
const ZCursor = z.object({
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.number().int().positive().max(2_147_483_647),
});
type Cursor = z.infer<typeof ZCursor>;

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const decodeCursor = (value: string): Cursor => {
  try {
    return ZCursor.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'cursor' });
  }
};

export type MessageSearchItem = {
  conversationId: number;
  displayId: number;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  inbox: { id: number; name: string; channelType: 'website' | 'api' | 'email' };
  contact: { id: number; name: string };
  message: {
    id: number;
    createdAt: Date;
    messageType: 'incoming' | 'outgoing' | 'activity' | 'template';
    private: boolean;
    // The agent's or the contact's name; null for automation and system senders.
    senderName: string | null;
  };
  excerpt: ExcerptSegment[];
};

export type MessageSearchPage = { items: MessageSearchItem[]; nextCursor: string | null };

const senderContacts = alias(contacts, 'sender_contact');

// L1: messages whose text contains the query (one phrase; partial words; case- and accent-insensitive;
// whole history), newest first, one item per matching message with its conversation. Private notes
// are included (only agents search), activity messages are not. Only inboxes the actor may see.
export const searchMessages = async (ctx: Ctx, input: TSearchMessagesInput): Promise<MessageSearchPage> => {
  const parsed = ZSearchMessagesInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? 'q') });
  const { limit } = parsed.data;
  const query = toSearchQuery(parsed.data.q);
  if (!query) return { items: [], nextCursor: null };
  const after = parsed.data.cursor ? decodeCursor(parsed.data.cursor) : null;

  // The stored folded text (messages.search_text, f_unaccent(lower(content)) computed on write), which
  // messages_search_text_trgm_idx / messages_search_text_fts_idx index, so no candidate is folded per
  // search. A two-letter query is the word prefix alone: a word of the folded text that starts with
  // the two letters means the folded text contains them, so the ILIKE would only be rechecked row by
  // row, and its selectivity, multiplied with the prefix's, misleads the planner (bench/README.md).
  const matches = query.wordPrefix
    ? sql`to_tsvector('simple', ${messages.searchText}) @@ ${query.wordPrefix}`
    : sql`${messages.searchText} ilike ${query.foldedPattern}`;
  const inScope = and(
    inboxScope(ctx.actor, messages),
    ne(messages.messageType, 'activity'),
    after ? sql`(${messages.createdAt}, ${messages.id}) < (${after.createdAt}::timestamptz, ${after.id})` : undefined,
  );
  const hitFields = <C extends AnyPgColumn<{ data: Date }>>(createdAt: C) => ({
    id: messages.id,
    conversationId: messages.conversationId,
    createdAt,
    messageType: messages.messageType,
    private: messages.private,
    senderType: messages.senderType,
    senderId: messages.senderId,
    content: messages.content,
    searchText: messages.searchText,
  });

  // One page of hits, newest first, then joined to its conversations. The scope is on messages
  // themselves (they carry account and inbox). Administrators see every inbox: one scan, newest first
  // on messages_account_created_idx (or from the text index for a rare term). Agents: two steps joined
  // by id, the messages in scope newest first from that index alone (it holds inbox and type), then
  // each one's text, so other inboxes' messages are skipped inside the index instead of being read
  // from the table (an agent in two small inboxes, "garant": 19k buffers instead of 44k). For an
  // administrator the second step would only add a primary-key probe per message (20k buffers
  // instead of 3.7k).
  const oneScan = () =>
    ctx.db
      .select(hitFields(messages.createdAt))
      .from(messages)
      .where(and(inScope, matches))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit + 1)
      .as('hits');
  const twoSteps = () => {
    const scoped = ctx.db.select({ id: messages.id, createdAt: messages.createdAt }).from(messages).where(inScope).as('in_scope');
    return (
      ctx.db
        .select(hitFields(scoped.createdAt))
        .from(scoped)
        .innerJoin(messages, eq(messages.id, scoped.id))
        .where(matches)
        // The walk's order: in_scope's columns, the index order PostgreSQL can keep.
        .orderBy(desc(scoped.createdAt), desc(scoped.id))
        .limit(limit + 1)
        .as('hits')
    );
  };
  const hits = ctx.actor.role === 'administrator' ? oneScan() : twoSteps();

  const rows = await ctx.db
    .select({
      id: hits.id,
      createdAt: hits.createdAt,
      createdAtKey: sql<string>`to_char(${hits.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      messageType: hits.messageType,
      private: hits.private,
      content: hits.content,
      // Where the database matched, in the normalised text; usable in the original only when
      // normalising kept the length (see highlightExcerpt's hint).
      matchAt: sql<number>`strpos(${hits.searchText}, ${query.needle})`.mapWith(Number),
      normalisedLength: sql<number>`char_length(${hits.searchText})`.mapWith(Number),
      needleLength: sql<number>`char_length(${query.needle})`.mapWith(Number),
      senderName: sql<string | null>`nullif(coalesce(${users.name}, ${senderContacts.name}), '')`,
      conversationId: conversations.id,
      displayId: conversations.displayId,
      status: conversations.status,
      inbox: { id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType },
      contact: { id: contacts.id, name: contacts.name },
    })
    .from(hits)
    .innerJoin(conversations, eq(conversations.id, hits.conversationId))
    .innerJoin(inboxes, eq(inboxes.id, conversations.inboxId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(users, and(eq(hits.senderType, 'agent'), eq(users.id, hits.senderId)))
    .leftJoin(senderContacts, and(eq(hits.senderType, 'contact'), eq(senderContacts.id, hits.senderId)))
    .orderBy(desc(hits.createdAt), desc(hits.id));

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => {
      const content = row.content ?? '';
      const sameLength = row.matchAt > 0 && row.normalisedLength === [...content].length;
      return {
        conversationId: row.conversationId,
        displayId: row.displayId,
        status: row.status,
        inbox: row.inbox,
        contact: row.contact,
        message: {
          id: row.id,
          createdAt: row.createdAt,
          messageType: row.messageType,
          private: row.private,
          senderName: row.senderName,
        },
        excerpt: highlightExcerpt({
          text: content,
          query: query.text,
          hint: sameLength ? { start: row.matchAt - 1, length: row.needleLength } : null,
        }),
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAtKey, id: last.id }) : null,
  };
};
