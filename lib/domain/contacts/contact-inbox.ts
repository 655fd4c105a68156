import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { contactInboxes, contacts, inboxes } from '@/db/schema';
import { assertInboxAccess } from '../authorization/scope';
import type { Actor, Ctx } from '../context';
import { DomainError } from '../errors';
import { parseContactInput, ZContactId } from './contact-input';
import { contactScope } from './contact-scope';

type Contactable = { id: number; email: string | null };
type LinkInbox = { id: number; channelType: 'website' | 'api' | 'email' };

// The contact's link to the inbox, found or created. Email: the link of the contact's address (the
// address new replies come from); API and website: the link with the given source id, or without
// one the contact's existing link, or a new one with a generated source id. A source id (an email
// address) still linked to ANOTHER contact in this inbox is refused with CONFLICT naming that
// contact: what arrives from it would land in their conversations.
export const contactInboxFor = async (tx: Tx, contact: Contactable, inbox: LinkInbox, givenSourceId?: string): Promise<{ id: number; sourceId: string }> => {
  const sourceId = inbox.channelType === 'email' ? (contact.email as string).toLowerCase() : (givenSourceId ?? null);
  const [existing] = await tx
    .select({ id: contactInboxes.id, sourceId: contactInboxes.sourceId, contactId: contactInboxes.contactId, contactName: contacts.name })
    .from(contactInboxes)
    .innerJoin(contacts, eq(contacts.id, contactInboxes.contactId))
    .where(
      and(
        eq(contactInboxes.inboxId, inbox.id),
        sourceId === null ? eq(contactInboxes.contactId, contact.id) : sql`lower(${contactInboxes.sourceId}) = ${sourceId.toLowerCase()}`,
      ),
    )
    .orderBy(asc(contactInboxes.id))
    .limit(1);
  if (existing && existing.contactId !== contact.id) {
    throw new DomainError('CONFLICT', { field: inbox.channelType === 'email' ? 'email' : 'source_id', contactId: existing.contactId, contactName: existing.contactName });
  }
  if (existing) return { id: existing.id, sourceId: existing.sourceId };

  const [created] = await tx
    .insert(contactInboxes)
    .values({ contactId: contact.id, inboxId: inbox.id, sourceId: sourceId ?? crypto.randomUUID() })
    .returning({ id: contactInboxes.id, sourceId: contactInboxes.sourceId });
  return created;
};

// Inside a transaction: the contact the actor may see (KEY SHARE keeps it from being deleted or
// merged away until the commit) and the account's inbox, NOT_FOUND for either one missing. The
// caller checks inbox access first (assertInboxAccess).
export const contactAndInbox = async (tx: Tx, actor: Actor, contactId: number, inboxId: number) => {
  const [contact] = await tx
    .select({ id: contacts.id, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), contactScope(actor)))
    .for('key share');
  if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  const [inbox] = await tx
    .select({ id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType })
    .from(inboxes)
    .where(and(eq(inboxes.id, inboxId), eq(inboxes.accountId, actor.accountId)));
  if (!inbox) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
  return { contact, inbox };
};

export const ZLinkContactInboxInput = z.object({
  contactId: ZContactId,
  inboxId: ZContactId,
  // API and website inboxes only (an email inbox's is the contact's address).
  sourceId: z.string().trim().min(1).max(255).optional(),
});
export type TLinkContactInboxInput = z.input<typeof ZLinkContactInboxInput>;

// Chatwoot's "create contact inbox": links a contact the actor may see to an inbox the actor works
// in, so messages can reach the contact there (contactInboxFor's rules; an email inbox needs the
// contact's address: INVALID_INPUT reason contact_has_no_email). Linking again answers the link.
export const linkContactInbox = async (ctx: Ctx, input: TLinkContactInboxInput) => {
  const { contactId, inboxId, sourceId } = parseContactInput(ZLinkContactInboxInput, input);
  assertInboxAccess(ctx.actor, inboxId);
  return ctx.db.transaction(async (tx) => {
    const { contact, inbox } = await contactAndInbox(tx, ctx.actor, contactId, inboxId);
    if (inbox.channelType === 'email' && !contact.email) throw new DomainError('INVALID_INPUT', { field: 'inbox_id', reason: 'contact_has_no_email' });
    const link = await contactInboxFor(tx, contact, inbox, sourceId);
    return { sourceId: link.sourceId, inbox };
  });
};
