import { and, eq, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { contactInboxes, contacts, type CustomAttributes } from '@/db/schema';
import type { SystemCtx } from '../../context';
import { DomainError } from '../../errors';
import { normalizePhone } from '../../contacts/normalize-phone';
import { isValidIdentityHash } from '../identity-hash';
import { apiInboxSecret, pubsubTokenFor, type ApiContact, type ApiInbox } from './api-inbox';

// The client API's contacts (issue 12 #1: no contact takeover). A request from the public API is
// anonymous: it proves nothing about who it is. So a new link (source id) only ever attaches to an
// EXISTING contact when the identifier comes with `identifier_hash` = hex HMAC-SHA256(identifier)
// with the inbox's secret (Chatwoot's identity verification); everything else gets a NEW contact.
// An email, phone number or identifier that another contact of the account already has is not
// taken from it (each is unique per account): it is kept on the new contact in a custom attribute
// (UNVERIFIED_KEYS) and the agents see the other contact as a suggested duplicate they may merge.
// The caller is answered with what it submitted, so the API never tells whether the email is known.

const ZText = (max: number) => z.string().trim().max(max);
const ZEmail = z.email().max(320).transform((email) => email.toLowerCase());

// Unknown keys are ignored (Chatwoot ignores them); a known key with a bad value is 422.
export const ZApiContactInput = z.object({
  identifier: ZText(255).min(1).optional(),
  identifier_hash: z.string().max(256).optional(),
  email: ZEmail.optional(),
  name: ZText(255).optional(),
  // E.164 as stored (K2): "+52 55 1234 5678" → "+525512345678"; a number without country code is refused.
  phone_number: z
    .string()
    .max(40)
    .transform((raw, context) => normalizePhone(raw) ?? (context.addIssue({ code: 'custom', message: 'not an international phone number' }), z.NEVER))
    .optional(),
  custom_attributes: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).optional(),
});
export type TApiContactInput = z.infer<typeof ZApiContactInput>;

// Where an unverified identity that another contact has is kept, per field.
export const UNVERIFIED_KEYS = { email: 'unverified_email', phone: 'unverified_phone_number', identifier: 'unverified_identifier' } as const;
type IdentityField = keyof typeof UNVERIFIED_KEYS;
type Identity = Partial<Record<IdentityField, string>>;

const identityOf = (input: TApiContactInput): Identity => ({ email: input.email, phone: input.phone_number, identifier: input.identifier });

// The identity fields that another contact of the account (not `self`) already has.
const takenFields = async (tx: Tx, accountId: number, self: number | null, identity: Identity): Promise<Set<IdentityField>> => {
  const tests = [
    identity.email ? sql`lower(${contacts.email}) = ${identity.email.toLowerCase()}` : undefined,
    identity.phone ? eq(contacts.phone, identity.phone) : undefined,
    identity.identifier ? eq(contacts.identifier, identity.identifier) : undefined,
  ].filter(Boolean);
  if (tests.length === 0) return new Set();
  const rows = await tx
    .select({ email: contacts.email, phone: contacts.phone, identifier: contacts.identifier })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), self === null ? undefined : ne(contacts.id, self), or(...tests)));
  const taken = new Set<IdentityField>();
  for (const row of rows) {
    if (identity.email && row.email?.toLowerCase() === identity.email.toLowerCase()) taken.add('email');
    if (identity.phone && row.phone === identity.phone) taken.add('phone');
    if (identity.identifier && row.identifier === identity.identifier) taken.add('identifier');
  }
  return taken;
};

// The identity split into what the contact may hold (free in the account) and what is kept aside.
const placeIdentity = async (tx: Tx, accountId: number, self: number | null, identity: Identity) => {
  const taken = await takenFields(tx, accountId, self, identity);
  const columns: { email?: string; phone?: string; identifier?: string } = {};
  const aside: CustomAttributes = {};
  for (const field of Object.keys(UNVERIFIED_KEYS) as IdentityField[]) {
    const value = identity[field];
    if (value === undefined) continue;
    if (taken.has(field)) aside[UNVERIFIED_KEYS[field]] = value;
    else columns[field] = value;
  }
  return { columns, aside };
};

// A contact insert or update that a concurrent request beat to one of the unique keys: run once
// more, when the loser's placement keeps that value aside. In a savepoint, so the transaction lives on.
const withRetryOnConflict = async <T>(tx: Tx, write: (tx: Tx) => Promise<T>): Promise<T> => {
  try {
    return await tx.transaction(write);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== '23505' && (error as { code?: string }).code !== '23505') throw error;
    return write(tx);
  }
};

// The contact's JSON (Chatwoot's public_contact): what this link's caller submitted is what it gets
// back, kept-aside values included, and the internal keys never show among the custom attributes.
export const contactJson = async (db: SystemCtx['db'] | Tx, link: ApiContact) => {
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, link.contactId));
  const { [UNVERIFIED_KEYS.email]: email, [UNVERIFIED_KEYS.phone]: phone, [UNVERIFIED_KEYS.identifier]: identifier, ...customAttributes } = contact.customAttributes;
  return {
    id: contact.id,
    source_id: link.sourceId,
    name: contact.name,
    email: contact.email ?? (typeof email === 'string' ? email : null),
    phone_number: contact.phone ?? (typeof phone === 'string' ? phone : null),
    identifier: contact.identifier ?? (typeof identifier === 'string' ? identifier : null),
    custom_attributes: customAttributes,
    pubsub_token: pubsubTokenFor(link.sourceId),
  };
};

// The account's contact a verified identifier names, or null.
const verifiedContact = async (tx: Tx, inbox: ApiInbox, identifier: string) => {
  const [row] = await tx
    .select({ id: contacts.id, customAttributes: contacts.customAttributes })
    .from(contacts)
    .where(and(eq(contacts.accountId, inbox.accountId), eq(contacts.identifier, identifier)));
  return row ?? null;
};

// POST contacts: a new link (a generated source id). With `identifier` + a good `identifier_hash`
// the link joins the account's contact with that identifier (found or created), verified; a wrong
// hash is refused (UNAUTHENTICATED → 401) and nothing is stored. Otherwise a new contact, always.
export const createApiContact = async (ctx: SystemCtx, inbox: ApiInbox, input: TApiContactInput) => {
  const verified = input.identifier_hash !== undefined && input.identifier !== undefined;
  if (verified && !isValidIdentityHash(apiInboxSecret(inbox), input.identifier as string, input.identifier_hash)) {
    throw new DomainError('UNAUTHENTICATED', { field: 'identifier_hash' });
  }
  const at = ctx.now();
  const link = await ctx.db.transaction(async (tx) => {
    const existing = verified ? await verifiedContact(tx, inbox, input.identifier as string) : null;
    const contactId = existing
      ? (await updateIdentity(tx, inbox.accountId, existing, { ...input, identifier: undefined }, at), existing.id)
      : await withRetryOnConflict(tx, async (write) => {
          const { columns, aside } = await placeIdentity(write, inbox.accountId, null, identityOf(input));
          const [created] = await write
            .insert(contacts)
            .values({
              accountId: inbox.accountId,
              name: input.name || input.email?.split('@')[0] || '',
              ...columns,
              customAttributes: { ...input.custom_attributes, ...aside },
              lastActivityAt: at,
              createdAt: at,
              updatedAt: at,
            })
            .returning({ id: contacts.id });
          return created.id;
        });
    const sourceId = crypto.randomUUID();
    const [row] = await tx.insert(contactInboxes).values({ contactId, inboxId: inbox.id, sourceId, hmacVerified: verified, createdAt: at }).returning();
    return { contactInboxId: row.id, contactId, sourceId };
  });
  return contactJson(ctx.db, link);
};

// Name, custom attributes (merged) and the identity fields of the link's own contact: a value
// another contact has is kept aside on this one (never a 409 that would tell it exists).
const updateIdentity = async (tx: Tx, accountId: number, contact: { id: number; customAttributes: CustomAttributes }, input: TApiContactInput, at: Date) =>
  withRetryOnConflict(tx, async (write) => {
    const { columns, aside } = await placeIdentity(write, accountId, contact.id, identityOf(input));
    // A value now held in the column no longer needs its kept-aside copy.
    const cleared = Object.fromEntries(Object.keys(columns).map((field) => [UNVERIFIED_KEYS[field as IdentityField], undefined]));
    const customAttributes = JSON.parse(JSON.stringify({ ...contact.customAttributes, ...input.custom_attributes, ...cleared, ...aside })) as CustomAttributes;
    await write
      .update(contacts)
      .set({ ...(input.name !== undefined ? { name: input.name } : {}), ...columns, customAttributes, updatedAt: at })
      .where(eq(contacts.id, contact.id));
  });

export const getApiContact = (ctx: SystemCtx, contact: ApiContact) => contactJson(ctx.db, contact);

// PATCH contact: the link's own contact (a new one, or the verified identity's).
export const updateApiContact = async (ctx: SystemCtx, contact: ApiContact, input: TApiContactInput) => {
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: contacts.id, accountId: contacts.accountId, customAttributes: contacts.customAttributes })
      .from(contacts)
      .where(eq(contacts.id, contact.contactId))
      .for('update');
    await updateIdentity(tx, current.accountId, current, input, ctx.now());
  });
  return contactJson(ctx.db, contact);
};
