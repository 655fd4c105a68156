import { describe, expect, it } from 'vitest';
import { contactError } from '@/components/contacts/contact-error';

describe('contact dialog errors (K1-K3)', () => {
  it('names the other contact of a duplicate email or phone, next to that field', () => {
    expect(contactError({ error: 'CONFLICT', details: { field: 'email', contactId: 3, contactName: 'Ana Ruiz' } })).toEqual({
      field: 'email',
      key: 'contacts.errors.conflict_email',
      values: { name: 'Ana Ruiz' },
    });
    // A contact the agent may not see is not named.
    expect(contactError({ error: 'CONFLICT', details: { field: 'phone' } })).toEqual({ field: 'phone', key: 'contacts.errors.conflict_phone_hidden', values: {} });
  });

  it('puts invalid values next to their field, and the picture errors next to the picture', () => {
    expect(contactError({ error: 'INVALID_INPUT', details: { field: 'phone' } })).toMatchObject({ field: 'phone', key: 'contacts.errors.invalid_phone' });
    expect(contactError({ error: 'INVALID_INPUT', details: { field: 'github' } })).toMatchObject({ field: 'github', key: 'contacts.errors.invalid_social' });
    expect(contactError({ error: 'INVALID_INPUT', details: { field: 'city' } })).toMatchObject({ field: 'city', key: 'contacts.errors.invalid_field' });
    expect(contactError({ error: 'TOO_LARGE', details: { maxMb: 5 } })).toEqual({ field: 'avatar', key: 'contacts.errors.avatar_size', values: { maxMb: 5 } });
    expect(contactError({ error: 'UNSUPPORTED_TYPE' })).toMatchObject({ field: 'avatar', key: 'contacts.errors.avatar_type' });
  });

  it('translates the refusals of a merge and of a new conversation for the whole form', () => {
    expect(contactError({ error: 'INVALID_INPUT', details: { field: 'secondaryId', reason: 'same_contact' } })).toMatchObject({ field: '', key: 'contacts.errors.same_contact' });
    expect(contactError({ error: 'INVALID_INPUT', details: { field: 'inboxId', reason: 'contact_has_no_email' } })).toMatchObject({ key: 'contacts.errors.contact_has_no_email' });
    expect(contactError({ error: 'NOT_FOUND', details: { entity: 'contact' } })).toMatchObject({ field: '', key: 'contacts.errors.not_found' });
    expect(contactError({ error: 'FORBIDDEN' })).toMatchObject({ field: '', key: 'errors.FORBIDDEN' });
    expect(contactError({})).toBeNull();
  });
});
