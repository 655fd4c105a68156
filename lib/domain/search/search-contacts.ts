import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, conversations, inboxes } from '@/db/schema';
import { conversationScope } from '../authorization/scope';
import { contactScope } from '../contacts/contact-scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { SEARCH_QUERY_MAX_LENGTH, toSearchQuery } from './search-query';

export const ZSearchContactsInput = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX_LENGTH),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TSearchContactsInput = z.input<typeof ZSearchContactsInput>;

// How many of each contact's conversations a result shows (the contact panel lists them all).
const CONVERSATIONS_PER_CONTACT = 5;

export type ContactSearchConversation = {
  id: number;
  displayId: number;
  status: 'open' | 'resolved' | 'pending' | 'snoozed';
  inbox: { id: number; name: string };
  lastActivityAt: Date;
};

export type ContactSearchItem = {
  contact: {
    id: number;
    name: string;
    email: string | null;
    phone: string | null;
    avatarUrl: string | null;
    company: string | null;
  };
  conversations: ContactSearchConversation[];
};

// L1: contacts whose name (accent-insensitive), email or phone number (typed with any formatting)
// contains the query, most recently active first, each with their newest conversations the actor may
// see. Contacts belong to the whole account, but an agent sees only those with a conversation in one
// of their inboxes (a customer who never wrote to their inboxes is not theirs to look up);
// administrators see every contact of the account (contactScope).
export const searchContacts = async (ctx: Ctx, input: TSearchContactsInput): Promise<ContactSearchItem[]> => {
  const parsed = ZSearchContactsInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? 'q') });
  const query = toSearchQuery(parsed.data.q);
  if (!query) return [];

  // Each condition uses its own trigram index (contacts_search_name/email/phone_trgm_idx): a bitmap OR.
  // The name is matched in its stored folded form (contacts.search_name, migration 0011).
  const found = await ctx.db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      phone: contacts.phone,
      avatarUrl: contacts.avatarUrl,
      company: contacts.company,
    })
    .from(contacts)
    .where(
      and(
        contactScope(ctx.actor),
        or(
          sql`${contacts.searchName} ilike ${query.foldedPattern}`,
          sql`lower(${contacts.email}) ilike ${query.lowerPattern}`,
          query.phone ? sql`${contacts.phone} like ${`%${query.phone}%`}` : undefined,
        ),
      ),
    )
    .orderBy(sql`${contacts.lastActivityAt} desc nulls last`, desc(contacts.id))
    .limit(parsed.data.limit);
  if (!found.length) return [];

  // All the contacts' conversations in one query: ranked per contact, newest activity first.
  const ranked = ctx.db
    .select({
      id: conversations.id,
      contactId: conversations.contactId,
      displayId: conversations.displayId,
      status: conversations.status,
      inboxId: conversations.inboxId,
      lastActivityAt: conversations.lastActivityAt,
      rank: sql<number>`row_number() over (partition by ${conversations.contactId} order by ${conversations.lastActivityAt} desc, ${conversations.id} desc)`.as(
        'rank',
      ),
    })
    .from(conversations)
    .where(
      and(
        conversationScope(ctx.actor),
        inArray(
          conversations.contactId,
          found.map((contact) => contact.id),
        ),
      ),
    )
    .as('ranked');
  const conversationRows = await ctx.db
    .select({
      id: ranked.id,
      contactId: ranked.contactId,
      displayId: ranked.displayId,
      status: ranked.status,
      lastActivityAt: ranked.lastActivityAt,
      inbox: { id: inboxes.id, name: inboxes.name },
    })
    .from(ranked)
    .innerJoin(inboxes, eq(inboxes.id, ranked.inboxId))
    .where(lte(ranked.rank, CONVERSATIONS_PER_CONTACT))
    .orderBy(asc(ranked.contactId), asc(ranked.rank));

  const byContact = new Map<number, ContactSearchConversation[]>();
  for (const { contactId, ...conversation } of conversationRows) {
    const list = byContact.get(contactId) ?? [];
    list.push(conversation);
    byContact.set(contactId, list);
  }
  return found.map((contact) => ({ contact, conversations: byContact.get(contact.id) ?? [] }));
};
