import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { ChannelIcon } from '@/components/ui/channel-icon';
import es from '@/lib/i18n/messages/es';

describe('ChannelIcon', () => {
  it('names each channel for screen readers', () => {
    render(
      <NextIntlClientProvider locale="es" messages={es}>
        <ChannelIcon channel="website" />
        <ChannelIcon channel="api" />
        <ChannelIcon channel="email" />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole('img', { name: 'Chat del sitio web' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'API' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Correo electrónico' })).toBeTruthy();
  });
});
