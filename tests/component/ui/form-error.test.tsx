import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { FormError } from '@/components/ui/form-error';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

const renderIn = (locale: 'es' | 'en', ui: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'es' ? es : en}>
      {ui}
    </NextIntlClientProvider>,
  );

describe('FormError', () => {
  it('renders nothing without an error', () => {
    const { container } = renderIn('es', <FormError state={{ ok: true }} />);
    expect(container.innerHTML).toBe('');
  });

  it('announces the translated message of the error code', () => {
    renderIn('es', <FormError state={{ error: 'INVALID_CREDENTIALS' }} />);
    expect(screen.getByRole('alert').textContent).toBe('El correo o la contraseña no son correctos.');
  });

  it('fills placeholders from the details, in English too', () => {
    renderIn('en', <FormError state={{ error: 'RATE_LIMITED', details: { minutes: 12 } }} />);
    expect(screen.getByRole('alert').textContent).toBe('Too many failed attempts. Wait 12 minutes and try again.');
  });
});
