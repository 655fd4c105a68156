import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { contactInboxes, contacts } from '@/db/schema';

// Who wrote, as a channel knows them: its own id for the contact in this inbox (API source id,
// widget session, lower-cased email address), and whatever else it knows.
export type InboundContact = {
  sourceId: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  // The customer's id in the account's own systems (client API, widget identity).
  identifier?: string | null;
};

export type ResolvedContact = { contactId: number; contactInboxId: number; sourceId: string; created: boolean };

const nameFor = (contact: InboundContact) => contact.name?.trim() || contact.email?.split('@')[0] || '';

// The account's contact with this identifier, else this email address (case-insensitive), else this
// phone number (each is unique in an account).
const findContact = async (tx: Tx, accountId: number, contact: InboundContact): Promise<number | null> => {
  if (contact.identifier) {
    const [row] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), eq(contacts.identifier, contact.identifier)));
    if (row) return row.id;
  }
  if (contact.email) {
    const [row] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), sql`lower(${contacts.email}) = ${contact.email.toLowerCase()}`));
    if (row) return row.id;
  }
  if (contact.phone) {
    const [row] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), eq(contacts.phone, contact.phone)));
    if (row) return row.id;
  }
  return null;
};

// The account's contact for these details, found (identifier, email, phone) or created. A contact
// created at the same moment by another request (same email or identifier) is found, not doubled:
// the insert yields to the unique index and the lookup runs again.
export const findOrCreateContact = async (tx: Tx, accountId: number, contact: InboundContact, at: Date): Promise<{ id: number; created: boolean }> => {
  const found = await findContact(tx, accountId, contact);
  if (found) return { id: found, created: false };
  const [created] = await tx
    .insert(contacts)
    .values({
      accountId,
      name: nameFor(contact),
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      identifier: contact.identifier ?? null,
      lastActivityAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: contacts.id });
  if (created) return { id: created.id, created: true };
  const raced = await findContact(tx, accountId, contact);
  if (!raced) throw new Error('inbound contact: insert conflicted but no contact was found');
  return { id: raced, created: false };
};

// The contact's link to the inbox by the channel's source id, found or created (with the contact,
// when new). The link row is locked FOR UPDATE until the caller's transaction ends: messages of one
// contact in one inbox are routed one at a time, so two at once never open two conversations.
export const resolveContactInbox = async (tx: Tx, inbox: { id: number; accountId: number }, contact: InboundContact, at: Date): Promise<ResolvedContact> => {
  const lockLink = async () => {
    const [row] = await tx
      .select({ id: contactInboxes.id, contactId: contactInboxes.contactId, sourceId: contactInboxes.sourceId })
      .from(contactInboxes)
      .where(and(eq(contactInboxes.inboxId, inbox.id), eq(contactInboxes.sourceId, contact.sourceId)))
      .for('update');
    return row;
  };
  const existing = await lockLink();
  if (existing) return { contactId: existing.contactId, contactInboxId: existing.id, sourceId: existing.sourceId, created: false };

  const person = await findOrCreateContact(tx, inbox.accountId, contact, at);
  await tx.insert(contactInboxes).values({ contactId: person.id, inboxId: inbox.id, sourceId: contact.sourceId, createdAt: at }).onConflictDoNothing();
  const link = await lockLink();
  if (!link) throw new Error('inbound contact: the contact inbox link vanished');
  return { contactId: link.contactId, contactInboxId: link.id, sourceId: link.sourceId, created: person.created };
};
