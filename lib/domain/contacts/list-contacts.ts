import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { contactInboxes, contacts, inboxes } from '@/db/schema';
import type { Ctx } from '../context';
import { buildFilterCondition, type TConversationFilter } from '../conversations/filters/build-filter';
import { contactScope } from './contact-scope';

export const CONTACTS_PAGE_SIZE = 15;

// The contacts the actor may see (contactScope), most recently active first, one numbered page
// (Chatwoot's contacts list pages by number, 15 a page), with how many there are in all. With a
// `filter` (the L4 language on the contact's own fields, labels and attributes: Chatwoot's
// contacts/filter), only the contacts it matches; a filter that does not hold is INVALID_INPUT.
export const listContacts = async (ctx: Ctx, { page, filter }: { page: number; filter?: TConversationFilter | Record<string, unknown> }) => {
  const safePage = Number.isInteger(page) && page > 0 && page <= 10_000 ? page : 1;
  const where = and(contactScope(ctx.actor), filter ? await buildFilterCondition(ctx, filter, { subject: 'contact' }) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(contacts)
      .where(where)
      .orderBy(sql`${contacts.lastActivityAt} desc nulls last`, desc(contacts.id))
      .limit(CONTACTS_PAGE_SIZE)
      .offset((safePage - 1) * CONTACTS_PAGE_SIZE),
    ctx.db.select({ total: count() }).from(contacts).where(where),
  ]);
  return { contacts: rows, total, page: safePage };
};

// The inboxes a contact is linked to that the actor may see, with the contact's source id in each
// (Chatwoot's contactable_inboxes); NOT_FOUND is the caller's (getContact) to raise first.
export const listContactInboxes = async (ctx: Ctx, { contactId }: { contactId: number }) =>
  ctx.db
    .select({ sourceId: contactInboxes.sourceId, inbox: { id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType } })
    .from(contactInboxes)
    .innerJoin(inboxes, eq(inboxes.id, contactInboxes.inboxId))
    .where(and(eq(contactInboxes.contactId, contactId), eq(inboxes.accountId, ctx.actor.accountId), inArray(inboxes.id, ctx.actor.inboxIds)));
