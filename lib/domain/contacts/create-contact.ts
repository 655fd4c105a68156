import { z } from 'zod';
import { contacts } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { findContactConflict, violatedContactField } from './contact-conflict';
import { parseContactInput } from './contact-input';
import { getContact, type ContactCard } from './get-contact';
import { normalizePhone } from './normalize-phone';

export const ZCreateContactInput = z.object({
  name: z.string().trim().max(255).default(''),
  email: z
    .string()
    .trim()
    .max(320)
    .transform((text) => text.toLowerCase() || null)
    .refine((text) => text === null || z.email().safeParse(text).success)
    .nullish(),
  phone: z.string().trim().max(40).nullish(),
  identifier: z.string().trim().max(255).nullish(),
  customAttributes: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).optional(),
});
export type TCreateContactInput = z.input<typeof ZCreateContactInput>;

// The HTTP API's "create contact" (Chatwoot's POST /contacts): administrators only, since an agent
// could not see a contact without a conversation in one of their inboxes (contactScope). The email
// and phone (E.164, normalizePhone) must be free in the account: CONFLICT { field, contactId,
// contactName } otherwise, as when editing (K2); so must the identifier (CONFLICT { field }).
export const createContact = async (ctx: Ctx, input: TCreateContactInput): Promise<ContactCard> => {
  if (ctx.actor.role !== 'administrator') throw new DomainError('FORBIDDEN');
  const data = parseContactInput(ZCreateContactInput, input);
  const phone = data.phone ? normalizePhone(data.phone) : null;
  if (data.phone && !phone) throw new DomainError('INVALID_INPUT', { field: 'phone' });
  const conflict = await findContactConflict(ctx.db, ctx.actor, { contactId: 0, email: data.email ?? null, phone });
  if (conflict) throw conflict;
  const at = ctx.now();
  try {
    const [created] = await ctx.db
      .insert(contacts)
      .values({
        accountId: ctx.actor.accountId,
        name: data.name,
        email: data.email ?? null,
        phone,
        identifier: data.identifier || null,
        customAttributes: data.customAttributes ?? {},
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: contacts.id });
    return getContact(ctx, { contactId: created.id });
  } catch (error) {
    const field = violatedContactField(error);
    if (field) throw new DomainError('CONFLICT', { field });
    // The identifier's unique index (contacts_account_identifier_key).
    if ((error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw new DomainError('CONFLICT', { field: 'identifier' });
    }
    throw error;
  }
};
