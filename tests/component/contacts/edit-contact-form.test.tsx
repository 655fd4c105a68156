import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import type { ActionState } from '@/lib/actions/action';
import type { ContactCard } from '@/lib/domain/contacts/get-contact';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

// The form's server action answers what the domain would (the action itself runs on the server:
// tests/integration/contacts/update-contact.test.ts covers that side).
const answer = vi.hoisted(() => ({ state: {} as ActionState, received: null as FormData | null }));
vi.mock('@/lib/actions/contacts', () => ({
  updateContactAction: async (_state: ActionState, formData: FormData) => {
    answer.received = formData;
    return answer.state;
  },
}));

const { EditContactForm } = await import('@/components/contacts/edit-contact-form');

const contact: ContactCard = {
  id: 7,
  name: 'Pedro Gómez',
  email: 'pedro@example.com',
  phone: null,
  avatarUrl: null,
  bio: null,
  company: 'Ferretería Norte',
  country: 'México',
  city: null,
  socialProfiles: { github: 'pedrog' },
  identifier: null,
  customAttributes: {},
  createdAt: new Date(),
  lastActivityAt: null,
  socialLinks: {},
  labels: [],
  identityVerified: false,
};

const renderIn = (locale: 'es' | 'en') =>
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'es' ? es : en}>
      <EditContactForm contact={contact} returnTo="/all/3?details=1" />
    </NextIntlClientProvider>,
  );

describe('EditContactForm (K2)', () => {
  it('starts from the contact and posts every field with the way back', async () => {
    answer.state = { ok: true };
    renderIn('es');
    expect((screen.getByLabelText('Nombre completo') as HTMLInputElement).value).toBe('Pedro Gómez');
    expect((screen.getByLabelText('GitHub') as HTMLInputElement).value).toBe('pedrog');
    fireEvent.submit(screen.getByRole('button', { name: 'Enviar' }).closest('form')!);
    await waitFor(() => expect(answer.received).not.toBeNull());
    expect(Object.fromEntries([...answer.received!].filter(([, value]) => typeof value === 'string'))).toMatchObject({
      contactId: '7',
      returnTo: '/all/3?details=1',
      name: 'Pedro Gómez',
      email: 'pedro@example.com',
      company: 'Ferretería Norte',
      github: 'pedrog',
    });
  });

  it('shows a duplicate email next to the email field, naming the other contact, and keeps what was typed', async () => {
    answer.state = { error: 'CONFLICT', details: { field: 'email', contactId: 3, contactName: 'Ana Ruiz' } };
    renderIn('es');
    const email = screen.getByLabelText('Correo') as HTMLInputElement;
    fireEvent.change(email, { target: { value: 'ana@example.com' } });
    fireEvent.submit(email.closest('form')!);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Otro contacto ya tiene este correo: Ana Ruiz.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(alert.id);
    expect(email.value).toBe('ana@example.com');
  });

  it('shows an invalid phone next to the phone field, in English too', async () => {
    answer.state = { error: 'INVALID_INPUT', details: { field: 'phone' } };
    renderIn('en');
    fireEvent.submit(screen.getByLabelText('Phone').closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Enter the full number with the country code, for example +1 415 555 0123.');
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
  });
});
