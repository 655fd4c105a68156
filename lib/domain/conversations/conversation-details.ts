import { and, eq, sql, type SQL } from 'drizzle-orm';
import { contacts, conversationMutes, conversationReads, conversations, type CustomAttributes } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { isDbId } from '../request-values';

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

// The details' columns, for a query of `conversations` joined to its contact (the preview cards'
// query carries them: loadPreviewCardsWithDetails, no statement of their own); the actor's read mark
// and mute by their keys. The actor and the clock are placeholders (`userId`, `now`): prepared.
export const detailsColumns = () => ({
  uuid: conversations.uuid,
  customAttributes: conversations.customAttributes,
  updatedAt: conversations.updatedAt,
  contactLastSeenAt: conversations.contactLastSeenAt,
  agentLastSeenAt: sql<Date | null>`(
    select ${conversationReads.lastReadAt} from ${conversationReads}
    where ${conversationReads.conversationId} = ${conversations.id} and ${conversationReads.userId} = ${sql.placeholder('userId')}
  )`.mapWith(conversationReads.lastReadAt) as SQL<Date | null>,
  muted: sql<boolean>`exists (
    select 1 from ${conversationMutes}
    where ${conversationMutes.conversationId} = ${conversations.id} and ${conversationMutes.userId} = ${sql.placeholder('userId')}
      and ${conversationMutes.mutedUntil} > ${sql.placeholder('now')}::timestamptz
  )`,
  contactDetails: {
    identifier: contacts.identifier,
    customAttributes: contacts.customAttributes,
    lastActivityAt: contacts.lastActivityAt,
    createdAt: contacts.createdAt,
  },
});

export type DetailsRow = { id: number } & Omit<ConversationDetails, 'id' | 'contact'> & { contactDetails: ConversationDetails['contact'] };

// A row with detailsColumns as ConversationDetails.
export const detailsOf = ({ contactDetails, muted, ...row }: DetailsRow): ConversationDetails => ({ ...row, muted: Boolean(muted), contact: contactDetails });

// The conversation the actor may see with this display number (`#123`, Chatwoot's conversation `id`),
// or null: another account's or another inbox's number names nothing.
export const findConversationByDisplayId = async (ctx: Ctx, displayId: number): Promise<number | null> => {
  if (!isDbId(displayId)) return null;
  const [row] = await ctx.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.accountId, ctx.actor.accountId), eq(conversations.displayId, displayId), conversationScope(ctx.actor)))
    .limit(1);
  return row?.id ?? null;
};
