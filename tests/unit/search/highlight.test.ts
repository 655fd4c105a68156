import { describe, expect, it } from 'vitest';
import { highlightExcerpt, type ExcerptSegment } from '@/lib/domain/search/highlight';

const marked = (segments: ExcerptSegment[]) => segments.map((s) => (s.highlighted ? `[${s.text}]` : s.text)).join('');

describe('highlightExcerpt', () => {
  it('marks the term in the original text, accents kept, whichever side has them', () => {
    expect(highlightExcerpt({ text: 'La razón es simple', query: 'razon' })).toEqual([
      { text: 'La ', highlighted: false },
      { text: 'razón', highlighted: true },
      { text: ' es simple', highlighted: false },
    ]);
    expect(marked(highlightExcerpt({ text: 'no hay razon', query: 'RAZÓN' }))).toBe('no hay [razon]');
    expect(marked(highlightExcerpt({ text: 'Problema de FACTURACIÓN', query: 'factur' }))).toBe('Problema de [FACTUR]ACIÓN');
    expect(marked(highlightExcerpt({ text: 'Año nuevo, señor Núñez', query: 'nunez' }))).toBe('Año nuevo, señor [Núñez]');
  });

  it('follows letters that fold into two ("ß" is "ss", "æ" is "ae") and accents written as separate marks', () => {
    expect(marked(highlightExcerpt({ text: 'Hauptstraße 5', query: 'strasse' }))).toBe('Haupt[straße] 5');
    expect(marked(highlightExcerpt({ text: 'Encyclopædia Britannica', query: 'paedia' }))).toBe('Encyclo[pædia] Britannica');
    const decomposed = 'la razo\u0301n de todo';
    expect(marked(highlightExcerpt({ text: decomposed, query: 'razón' }))).toBe('la [razo\u0301n] de todo');
  });

  it('marks every occurrence inside the excerpt', () => {
    expect(marked(highlightExcerpt({ text: 'Envío 1 llegó, envío 2 no', query: 'envio' }))).toBe('[Envío] 1 llegó, [envío] 2 no');
  });

  it('cuts a long text to about the width around the first match, between words, with ellipses', () => {
    const words = 'uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince';
    const text = `${words} la razón principal ${words}`;
    const excerpt = highlightExcerpt({ text, query: 'razon', width: 60 });
    const shown = marked(excerpt);

    expect(shown).toMatch(/^….*\[razón\].*…$/u);
    expect(shown.length).toBeLessThanOrEqual(64);
    expect(shown.length).toBeGreaterThan(40);
    // Cut between words: every word shown is whole.
    const shownWords = shown.replace(/[…[\]]/gu, '').trim().split(' ');
    for (const word of shownWords) expect(text.split(' '), word).toContain(word);
  });

  it('gives the room a side does not need to the other side', () => {
    const text = `razón ${'palabra '.repeat(20)}`.trim();
    const shown = marked(highlightExcerpt({ text, query: 'razon', width: 60 }));
    expect(shown.startsWith('[razón] palabra')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeGreaterThan(50);
  });

  it('shows the text on one line', () => {
    expect(marked(highlightExcerpt({ text: 'Hola,\n\nmi   pedido\tno llega', query: 'pedido' }))).toBe('Hola, mi [pedido] no llega');
  });

  it('never cuts an emoji in half', () => {
    const text = `${'😀😀😀 '.repeat(10)}razón${' 😀😀😀'.repeat(10)}`;
    const shown = marked(highlightExcerpt({ text, query: 'razón', width: 20 }));
    expect(shown).toMatch(/^…😀.*\[razón\].*😀…$/u);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
  });

  it('uses the database’s position when it cannot find the term itself, and ignores a position outside the text', () => {
    expect(marked(highlightExcerpt({ text: 'abc def ghi', query: '©2020', hint: { start: 4, length: 3 } }))).toBe('abc [def] ghi');
    expect(marked(highlightExcerpt({ text: 'abc def ghi', query: '©2020', hint: { start: 9, length: 5 } }))).toBe('abc def ghi');
  });

  it('falls back to the start of the text, nothing highlighted, when the term cannot be placed', () => {
    const text = 'palabra '.repeat(20).trim();
    const excerpt = highlightExcerpt({ text, query: 'zzz', width: 30 });
    expect(excerpt.every((segment) => !segment.highlighted)).toBe(true);
    expect(marked(excerpt)).toMatch(/^palabra palabra palabra.*…$/u);
    expect(highlightExcerpt({ text: '', query: 'zzz' })).toEqual([]);
  });

  it('returns markup as plain text, for the UI to render as text', () => {
    expect(highlightExcerpt({ text: '<b>razón</b>', query: 'razon' })).toEqual([
      { text: '<b>', highlighted: false },
      { text: 'razón', highlighted: true },
      { text: '</b>', highlighted: false },
    ]);
  });
});
