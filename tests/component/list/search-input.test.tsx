import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { SearchInput } from '@/components/conversation-list/search-input';
import { SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MIN_LENGTH } from '@/lib/domain/search/search-query';
import en from '@/lib/i18n/messages/en';
import es from '@/lib/i18n/messages/es';
import { renderThenHydrate } from '../helpers/hydrate';

// The list's search box field, with the hint SearchBox (a server component) translates for it.
const hint = (locale: 'es' | 'en') => createTranslator({ locale, messages: locale === 'es' ? es : en, namespace: 'search' })('limit', { max: SEARCH_QUERY_MAX_LENGTH });
const field = (locale: 'es' | 'en', defaultValue?: string) => (
  <SearchInput id="search-q" defaultValue={defaultValue} placeholder="Buscar" minLength={SEARCH_QUERY_MIN_LENGTH} maxLength={SEARCH_QUERY_MAX_LENGTH} limitHint={hint(locale)} />
);

describe('SearchInput (issue 13: a long paste is cut, and the box says so)', () => {
  it('says nothing below the limit; a longer paste is cut to it and the hint describes the field', async () => {
    const user = userEvent.setup();
    render(field('es'));
    const box = screen.getByRole('searchbox');
    await user.type(box, 'reembolso');
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');

    await user.clear(box);
    await user.click(box);
    await user.paste('pedido '.repeat(60));
    expect((box as HTMLInputElement).value).toHaveLength(SEARCH_QUERY_MAX_LENGTH);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('La búsqueda se limita a 200 caracteres.');
    expect(box.getAttribute('aria-describedby')).toBe(status.id);
    expect(screen.getByRole('searchbox', { description: 'La búsqueda se limita a 200 caracteres.' })).toBe(box);

    // Shortened again: the hint goes.
    await user.type(box, '{Backspace}');
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('in English', async () => {
    const user = userEvent.setup();
    render(field('en'));
    await user.click(screen.getByRole('searchbox'));
    await user.paste('x'.repeat(SEARCH_QUERY_MAX_LENGTH + 50));
    expect(screen.getByRole('status').textContent).toBe('Search is limited to 200 characters.');
  });

  it('a query already at the limit (the search page shows the cut one) shows the hint in the HTML, and hydrates without a mismatch', async () => {
    const cut = 'y'.repeat(SEARCH_QUERY_MAX_LENGTH);
    const { html, unmount } = await renderThenHydrate(() => field('es', cut));
    expect(html).toContain('La búsqueda se limita a 200 caracteres.');
    expect(screen.getByRole('searchbox').getAttribute('aria-describedby')).toBe('search-q-limit');
    unmount();
  });
});
