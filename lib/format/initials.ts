const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// The first grapheme (a whole emoji, a letter with its accents) of a name's first two words,
// upper-cased: "Ana Ruiz" → "AR", "🐙 Zoe" → "🐙Z", "" → "?".
export const initials = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => segmenter.segment(word)[Symbol.iterator]().next().value?.segment.toLocaleUpperCase() ?? '')
    .join('') || '?';
