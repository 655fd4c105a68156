import { describe, expect, it } from 'vitest';
import { toSearchQuery } from '@/lib/domain/search/search-query';

describe('toSearchQuery', () => {
  it('trims the query and makes runs of whitespace one space (one phrase)', () => {
    expect(toSearchQuery('  mi   pedido\n no llega ')?.text).toBe('mi pedido no llega');
  });

  it('is null for queries under two characters', () => {
    for (const q of ['', ' ', 'a', ' ñ ', '😀']) expect(toSearchQuery(q), q).toBeNull();
    expect(toSearchQuery('ab')).not.toBeNull();
  });

  it('reads partial phone numbers typed with spaces, dashes, dots and parentheses', () => {
    expect(toSearchQuery('55 1234')?.phone).toBe('551234');
    expect(toSearchQuery('+52 1 55')?.phone).toBe('+52155');
    expect(toSearchQuery('(55) 1234-5678')?.phone).toBe('5512345678');
    expect(toSearchQuery('55.1234')?.phone).toBe('551234');
  });

  it('does not treat words, two digits or a misplaced plus as a phone number', () => {
    for (const q of ['ana', '55', '5+5 12', 'ana 551234', '55%12']) expect(toSearchQuery(q)?.phone ?? null, q).toBeNull();
  });

  it('looks two-character letter or digit queries up as word prefixes, and nothing else', () => {
    expect(toSearchQuery('ok')?.wordPrefix).not.toBeNull();
    expect(toSearchQuery('ñu')?.wordPrefix).not.toBeNull();
    for (const q of ['o%', "o'", 'abc', 'a b']) expect(toSearchQuery(q)?.wordPrefix, q).toBeNull();
  });
});
