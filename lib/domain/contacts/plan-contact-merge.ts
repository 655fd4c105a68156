import type { Contact, CustomAttributes, NewContact, SocialProfiles } from '@/db/schema';
import { avatarVersion, contactAvatarUrl } from './avatar-location';
import { SOCIAL_NETWORKS } from './social-profiles';

// The card fields a merge fills on the primary when the primary has none.
const FILLED_FIELDS = ['name', 'email', 'phone', 'avatarUrl', 'bio', 'company', 'country', 'city', 'identifier'] as const;

export type ContactMergePlan = {
  // What the primary's row gets (fields it lacked, merged attributes and profiles, last activity).
  patch: Partial<Pick<NewContact, (typeof FILLED_FIELDS)[number] | 'socialProfiles' | 'customAttributes' | 'lastActivityAt'>>;
  // Card fields (and social networks) that the primary takes from the secondary.
  fields: string[];
  attributes: {
    // Keys both contacts have: the primary's value stays, the secondary's is dropped.
    kept: string[];
    // Keys only the secondary has: the primary gains them.
    added: string[];
  };
};

const hasValue = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

// K3: what the primary looks like after absorbing the secondary. The primary's values win wherever
// both have one; the secondary fills what the primary lacks (fields, social profiles, custom
// attributes). An uploaded avatar moves with its file (the URL is rewritten to the primary's id).
// Pure: previewMerge shows it, mergeContacts writes it.
export const planContactMerge = (primary: Contact, secondary: Contact): ContactMergePlan => {
  const patch: ContactMergePlan['patch'] = {};
  const fields: string[] = [];
  for (const field of FILLED_FIELDS) {
    if (hasValue(primary[field]) || !hasValue(secondary[field])) continue;
    const version = field === 'avatarUrl' ? avatarVersion(secondary.avatarUrl) : null;
    patch[field] = version ? contactAvatarUrl(primary.id, version) : (secondary[field] as string);
    fields.push(field);
  }

  const socialProfiles: SocialProfiles = { ...primary.socialProfiles };
  for (const network of SOCIAL_NETWORKS) {
    if (hasValue(socialProfiles[network]) || !hasValue(secondary.socialProfiles[network])) continue;
    socialProfiles[network] = secondary.socialProfiles[network];
    fields.push(network);
  }
  if (fields.some((field) => (SOCIAL_NETWORKS as readonly string[]).includes(field))) patch.socialProfiles = socialProfiles;

  const kept: string[] = [];
  const added: string[] = [];
  const customAttributes: CustomAttributes = { ...primary.customAttributes };
  for (const [key, value] of Object.entries(secondary.customAttributes)) {
    if (!hasValue(value)) continue;
    if (hasValue(customAttributes[key])) kept.push(key);
    else {
      customAttributes[key] = value;
      added.push(key);
    }
  }
  if (added.length) patch.customAttributes = customAttributes;

  if (secondary.lastActivityAt && (!primary.lastActivityAt || secondary.lastActivityAt > primary.lastActivityAt)) {
    patch.lastActivityAt = secondary.lastActivityAt;
  }
  return { patch, fields, attributes: { kept: kept.sort(), added: added.sort() } };
};
