import type { Contact } from '@/db/schema';
import { unix } from './time';

type ContactLike = Pick<Contact, 'id' | 'name' | 'email' | 'phone' | 'avatarUrl' | 'identifier' | 'customAttributes' | 'createdAt' | 'lastActivityAt' | 'company' | 'city' | 'country' | 'bio'>;

// Chatwoot's contact object: phone_number, thumbnail, additional_attributes (city, country,
// company_name, description), Unix-second times.
export const contactJson = (contact: ContactLike) => ({
  id: contact.id,
  name: contact.name,
  email: contact.email,
  phone_number: contact.phone,
  identifier: contact.identifier,
  thumbnail: contact.avatarUrl ?? '',
  availability_status: 'offline',
  blocked: false,
  additional_attributes: {
    ...(contact.city ? { city: contact.city } : {}),
    ...(contact.country ? { country: contact.country } : {}),
    ...(contact.company ? { company_name: contact.company } : {}),
    ...(contact.bio ? { description: contact.bio } : {}),
  },
  custom_attributes: contact.customAttributes ?? {},
  created_at: unix(contact.createdAt),
  last_activity_at: unix(contact.lastActivityAt),
});
