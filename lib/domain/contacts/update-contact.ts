import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contacts, type SocialProfiles } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { publishAfterCommit } from '../events/publish';
import { findContactConflict, violatedContactField } from './contact-conflict';
import { contactEvents } from './contact-events';
import { parseContactInput, ZContactId } from './contact-input';
import { contactScope } from './contact-scope';
import { getContact, type ContactCard } from './get-contact';
import { normalizePhone } from './normalize-phone';
import { parseSocialProfile, SOCIAL_NETWORKS } from './social-profiles';

// A text field of the form: trimmed, and empty means "none" (null). Omitted: left as it is.
const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((text) => text || null)
    .nullable()
    .optional();

const ZSocialProfile = z.string().max(500).nullable().optional();

export const ZUpdateContactInput = z.object({
  contactId: ZContactId,
  name: z.string().trim().min(1).max(255),
  email: z
    .string()
    .trim()
    .max(320)
    .transform((text) => text.toLowerCase() || null)
    .refine((text) => text === null || z.email().safeParse(text).success)
    .nullable()
    .optional(),
  // Normalised to E.164 below (normalizePhone); the raw text may carry spaces and punctuation.
  phone: ZOptionalText(40),
  bio: ZOptionalText(1000),
  company: ZOptionalText(255),
  country: ZOptionalText(255),
  city: ZOptionalText(255),
  // Per network: a username or a profile URL (parseSocialProfile); '' or null removes it; a network
  // left out is kept as it is.
  socialProfiles: z.object({ facebook: ZSocialProfile, twitter: ZSocialProfile, linkedin: ZSocialProfile, github: ZSocialProfile }).optional(),
});
export type TUpdateContactInput = z.input<typeof ZUpdateContactInput>;

const normalizedPhone = (raw: string | null | undefined): string | null | undefined => {
  if (raw === undefined || raw === null) return raw;
  const phone = normalizePhone(raw);
  if (!phone) throw new DomainError('INVALID_INPUT', { field: 'phone' });
  return phone;
};

const mergedProfiles = (current: SocialProfiles, changes: NonNullable<z.infer<typeof ZUpdateContactInput>['socialProfiles']>): SocialProfiles => {
  const profiles: SocialProfiles = { ...current };
  for (const network of SOCIAL_NETWORKS) {
    const raw = changes[network];
    if (raw === undefined) continue;
    if (raw === null || raw.trim() === '') {
      delete profiles[network];
      continue;
    }
    const username = parseSocialProfile(network, raw);
    if (!username) throw new DomainError('INVALID_INPUT', { field: network });
    profiles[network] = username;
  }
  return profiles;
};

// K2 "Editar contacto", saved with "Enviar": name (required), email (validated, stored lower case),
// phone (stored in E.164: normalizePhone), bio, company, country, city and social profiles (stored
// as usernames: parseSocialProfile). A field left out is kept; an empty one is cleared. An email or
// phone that another contact of the account has is refused with CONFLICT { field, contactId,
// contactName } (findContactConflict), checked first and enforced by the unique indexes, so two
// agents saving the same address at once cannot both win. Any actor who may see the contact may
// edit it (agents too, as in Chatwoot). Publishes contact.updated after the change.
export const updateContact = async (ctx: Ctx, input: TUpdateContactInput): Promise<ContactCard> => {
  const data = parseContactInput(ZUpdateContactInput, input);
  const phone = normalizedPhone(data.phone);

  const [current] = await ctx.db
    .select({ id: contacts.id, email: contacts.email, phone: contacts.phone, socialProfiles: contacts.socialProfiles })
    .from(contacts)
    .where(and(eq(contacts.id, data.contactId), contactScope(ctx.actor)))
    .limit(1);
  if (!current) throw new DomainError('NOT_FOUND', { entity: 'contact' });
  const socialProfiles = data.socialProfiles ? mergedProfiles(current.socialProfiles, data.socialProfiles) : undefined;

  // Only a value that changes can collide: keeping one's own email is never a conflict.
  const emailToCheck = data.email && data.email !== current.email?.toLowerCase() ? data.email : null;
  const phoneToCheck = phone && phone !== current.phone ? phone : null;
  const conflict = await findContactConflict(ctx.db, ctx.actor, { contactId: current.id, email: emailToCheck, phone: phoneToCheck });
  if (conflict) throw conflict;

  const at = ctx.now();
  let updated: Array<{ id: number }>;
  try {
    updated = await ctx.db
      .update(contacts)
      .set({
        name: data.name,
        ...(data.email !== undefined ? { email: data.email } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(data.bio !== undefined ? { bio: data.bio } : {}),
        ...(data.company !== undefined ? { company: data.company } : {}),
        ...(data.country !== undefined ? { country: data.country } : {}),
        ...(data.city !== undefined ? { city: data.city } : {}),
        ...(socialProfiles ? { socialProfiles } : {}),
        updatedAt: at,
      })
      .where(and(eq(contacts.id, current.id), contactScope(ctx.actor)))
      .returning({ id: contacts.id });
  } catch (error) {
    // Another contact took the address between the check and the write: the same refusal.
    const field = violatedContactField(error);
    if (!field) throw error;
    const raced = await findContactConflict(ctx.db, ctx.actor, {
      contactId: current.id,
      email: field === 'email' ? emailToCheck : null,
      phone: field === 'phone' ? phoneToCheck : null,
    });
    throw raced ?? new DomainError('CONFLICT', { field });
  }
  // Deleted or merged away since it was read.
  if (updated.length === 0) throw new DomainError('NOT_FOUND', { entity: 'contact' });

  await publishAfterCommit(
    ctx,
    await contactEvents(ctx.db, {
      accountId: ctx.actor.accountId,
      contactIds: [current.id],
      event: 'contact.updated',
      data: { contactId: current.id, updatedAt: at.toISOString() },
    }),
  );
  return getContact(ctx, { contactId: current.id });
};
