import { and, eq, sql } from 'drizzle-orm';
import { contacts, conversationMutes, conversationReads, conversations, type CustomAttributes } from '@/db/schema';
import { conversationScope, preparedInboxScope, preparedScopeParams } from '../authorization/scope';
import type { Ctx } from '../context';

// What a conversation carries beyond its preview card (L6), for the HTTP API's conversation object:
// public uuid, custom attributes, read and mute state of the actor, the contact's own fields.
export type ConversationDetails = {
  id: number;
  uuid: string;
  customAttributes: CustomAttributes;
  updatedAt: Date;
  contactLastSeenAt: Date | null;
  agentLastSeenAt: Date | null;
  muted: boolean;
  contact: { identifier: string | null; customAttributes: CustomAttributes; lastActivityAt: Date | null; createdAt: Date };
};

const detailsQuery = (db: Ctx['db']) =>
  db
    .select({
      id: conversations.id,
      uuid: conversations.uuid,
      customAttributes: conversations.customAttributes,
      updatedAt: conversations.updatedAt,
      contactLastSeenAt: conversations.contactLastSeenAt,
      agentLastSeenAt: conversationReads.lastReadAt,
      muted: sql<boolean>`${conversationMutes.mutedUntil} is not null and ${conversationMutes.mutedUntil} > ${sql.placeholder('now')}::timestamptz`,
      contact: {
        identifier: contacts.identifier,
        customAttributes: contacts.customAttributes,
        lastActivityAt: contacts.lastActivityAt,
        createdAt: contacts.createdAt,
      },
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(conversationReads, and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, sql.placeholder('userId'))))
    .leftJoin(conversationMutes, and(eq(conversationMutes.conversationId, conversations.id), eq(conversationMutes.userId, sql.placeholder('userId'))))
    .where(and(sql`${conversations.id} = any(${sql.placeholder('ids')}::int[])`, preparedInboxScope(conversations)))
    .prepare('conversation_details');

// Built once per database handle, like the preview cards' queries: one shape for every actor.
const detailsQueries = new WeakMap<object, ReturnType<typeof detailsQuery>>();

// The details of the given conversations the actor may see, in one query (by primary key).
export const loadConversationDetails = async (ctx: Ctx, ids: number[]): Promise<Map<number, ConversationDetails>> => {
  if (ids.length === 0) return new Map();
  let query = detailsQueries.get(ctx.db);
  if (!query) detailsQueries.set(ctx.db, (query = detailsQuery(ctx.db)));
  const rows = await query.execute({ ids, userId: ctx.actor.userId, now: ctx.now().toISOString(), ...preparedScopeParams(ctx.actor) });
  return new Map(rows.map((row) => [row.id, { ...row, muted: Boolean(row.muted) }]));
};

// The conversation the actor may see with this display number (`#123`, Chatwoot's conversation `id`),
// or null: another account's or another inbox's number names nothing.
export const findConversationByDisplayId = async (ctx: Ctx, displayId: number): Promise<number | null> => {
  if (!Number.isInteger(displayId) || displayId <= 0 || displayId > 2_147_483_647) return null;
  const [row] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.accountId, ctx.actor.accountId), eq(conversations.displayId, displayId), conversationScope(ctx.actor)))
    .limit(1);
  return row?.id ?? null;
};
