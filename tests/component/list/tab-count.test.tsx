import { render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { TabCount } from '@/components/conversation-list/tab-count';
import { TAB_COUNT_CAP } from '@/lib/domain/conversations/list/count-tabs';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';

const renderIn = (locale: 'es' | 'en', count: number) =>
  render(
    <NextIntlClientProvider locale={locale} messages={locale === 'es' ? es : en}>
      <p data-testid="tab">
        Todos <TabCount count={count} />
      </p>
    </NextIntlClientProvider>,
  );

describe('TabCount (L5)', () => {
  it('shows an exact count in the reader’s locale', () => {
    renderIn('en', 999);
    expect(screen.getByTestId('tab').textContent).toBe('Todos 999');
  });

  it('shows a count past the cap as "1000+" and reads it as "más de 1000" (es)', () => {
    renderIn('es', TAB_COUNT_CAP + 1);
    expect(screen.getByText('1000+').getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText('más de 1000')).toBeTruthy();
  });

  it('in English: "1,000+", read as "more than 1,000"', () => {
    renderIn('en', TAB_COUNT_CAP + 1);
    expect(screen.getByText('1,000+')).toBeTruthy();
    expect(screen.getByText('more than 1,000')).toBeTruthy();
  });

  it('the cap itself is still exact', () => {
    renderIn('en', TAB_COUNT_CAP);
    expect(screen.getByTestId('tab').textContent).toBe('Todos 1,000');
  });
});
