import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { contactInboxes, contacts, type Contact } from '@/db/schema';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { parseContactInput, ZContactId } from './contact-input';
import { loadContactLabels } from './contact-labels';
import { contactScope } from './contact-scope';
import { SOCIAL_NETWORKS, socialProfileUrl, type SocialNetwork } from './social-profiles';

export const ZGetContactInput = z.object({ contactId: ZContactId });
export type TGetContactInput = z.input<typeof ZGetContactInput>;

// D1: what the contact card shows (and the edit form K2 starts from).
export type ContactCard = Pick<
  Contact,
  | 'id'
  | 'name'
  | 'email'
  | 'phone'
  | 'avatarUrl'
  | 'bio'
  | 'company'
  | 'country'
  | 'city'
  | 'socialProfiles'
  | 'identifier'
  | 'customAttributes'
  | 'createdAt'
  | 'lastActivityAt'
> & {
  // The profiles as links, rebuilt from the stored usernames (never a stored URL).
  socialLinks: Partial<Record<SocialNetwork, string>>;
  labels: Array<{ id: number; title: string; color: string }>;
  // Website widget (#7): the site vouched for this contact's identity (HMAC identity verification).
  identityVerified: boolean;
};

// D1: a contact's card, for an actor who may see the contact (contactScope). Any other id, or a
// contact of another account, is NOT_FOUND like one that does not exist.
export const getContact = async (ctx: Pick<Ctx, 'db' | 'actor'>, input: TGetContactInput): Promise<ContactCard> => {
  const { contactId } = parseContactInput(ZGetContactInput, input);
  const [contact] = await ctx.db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      phone: contacts.phone,
      avatarUrl: contacts.avatarUrl,
      bio: contacts.bio,
      company: contacts.company,
      country: contacts.country,
      city: contacts.city,
      socialProfiles: contacts.socialProfiles,
      identifier: contacts.identifier,
      customAttributes: contacts.customAttributes,
      createdAt: contacts.createdAt,
      lastActivityAt: contacts.lastActivityAt,
    })
    .from(contacts)
    .where(and(eq(contacts.id, contactId), contactScope(ctx.actor)))
    .limit(1);
  if (!contact) throw new DomainError('NOT_FOUND', { entity: 'contact' });

  const labelRows = await loadContactLabels(ctx, contact.id);

  const [verified] = await ctx.db
    .select({ id: contactInboxes.id })
    .from(contactInboxes)
    .where(and(eq(contactInboxes.contactId, contact.id), eq(contactInboxes.hmacVerified, true)))
    .limit(1);

  const socialLinks: ContactCard['socialLinks'] = {};
  for (const network of SOCIAL_NETWORKS) {
    const username = contact.socialProfiles[network];
    if (username) socialLinks[network] = socialProfileUrl(network, username);
  }
  return { ...contact, socialLinks, labels: labelRows, identityVerified: Boolean(verified) };
};
