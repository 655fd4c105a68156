// L1 search excerpts: a short piece of a message around the searched term, with the term marked.
// Pure (no database): the UI renders the segments as text, never as HTML.

export type ExcerptSegment = { text: string; highlighted: boolean };

// Code point positions in the original text (not UTF-16 units, so emoji are never cut in half).
export type MatchPosition = { start: number; length: number };

export type HighlightExcerptOptions = {
  text: string;
  query: string;
  // Where the database found the term, when it can say so exactly; used only if the folding below
  // cannot find the query itself (characters that JavaScript and unaccent fold differently).
  hint?: MatchPosition | null;
  // Roughly how many characters the excerpt shows, match included.
  width?: number;
};

// Letters that unaccent folds but Unicode decomposition leaves alone.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  ŀ: 'l',
  ŧ: 't',
  þ: 'th',
};

// Close to f_unaccent(lower(c)) for one character: lower case, compatibility decomposition, marks
// dropped. A combining mark folds to '' and so joins the letter before it.
const foldChar = (char: string): string => {
  const lower = char.toLowerCase();
  return LETTERS[lower] ?? lower.normalize('NFKD').replace(/\p{M}/gu, '');
};

type Folded = { folded: string; origin: number[] };

// The folded text, and for each of its UTF-16 units the index of the original code point it came from.
const fold = (chars: string[]): Folded => {
  let folded = '';
  const origin: number[] = [];
  chars.forEach((char, index) => {
    const part = foldChar(char);
    folded += part;
    for (let k = 0; k < part.length; k += 1) origin.push(index);
  });
  return { folded, origin };
};

// Every non-overlapping occurrence of the folded query, as positions in the original code points.
const findAll = (chars: string[], query: string): MatchPosition[] => {
  const needle = fold([...query]).folded;
  if (!needle) return [];
  const { folded, origin } = fold(chars);
  const found: MatchPosition[] = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    const start = origin[at];
    let end = origin[at + needle.length - 1] + 1;
    // Accents written as separate combining marks belong to the highlighted letter.
    while (end < chars.length && foldChar(chars[end]) === '') end += 1;
    if (found.length && start < found[found.length - 1].start + found[found.length - 1].length) continue;
    found.push({ start, length: end - start });
  }
  return found;
};

const isSpace = (char: string | undefined) => char !== undefined && /\s/u.test(char);

// How far a cut may move to land between words instead of inside one.
const SNAP = 12;

// The window [from, to) of code points around the match, about `width` long, cut between words.
const windowAround = (chars: string[], match: MatchPosition, width: number): [number, number] => {
  const matchEnd = match.start + match.length;
  const side = Math.max(10, Math.floor((width - match.length) / 2));
  const spareBefore = Math.max(0, side - match.start);
  const spareAfter = Math.max(0, side - (chars.length - matchEnd));
  let from = Math.max(0, match.start - side - spareAfter);
  let to = Math.min(chars.length, matchEnd + side + spareBefore);
  if (from > 0 && !isSpace(chars[from - 1])) {
    for (let i = from; i < Math.min(match.start, from + SNAP); i += 1) {
      if (isSpace(chars[i])) {
        from = i + 1;
        break;
      }
    }
  }
  if (to < chars.length && !isSpace(chars[to])) {
    for (let i = to - 1; i >= Math.max(matchEnd, to - SNAP); i -= 1) {
      if (isSpace(chars[i])) {
        to = i;
        break;
      }
    }
  }
  return [from, to];
};

// One line of text: line breaks and runs of spaces become one space.
const oneLine = (text: string) => text.replace(/\s+/gu, ' ');

const segmentsOf = (chars: string[], from: number, to: number, matches: MatchPosition[]): ExcerptSegment[] => {
  const segments: ExcerptSegment[] = [];
  const push = (text: string, highlighted: boolean) => {
    if (text) segments.push({ text, highlighted });
  };
  let at = from;
  for (const match of matches) {
    const end = match.start + match.length;
    if (match.start < from || end > to) continue;
    push(oneLine(chars.slice(at, match.start).join('')), false);
    push(oneLine(chars.slice(match.start, end).join('')), true);
    at = end;
  }
  push(oneLine(chars.slice(at, to).join('')), false);
  if (!segments.length) return segments;
  // Ellipses say the message goes on; outer spaces go.
  const first = segments[0];
  if (!first.highlighted) first.text = first.text.trimStart();
  if (from > 0) segments.unshift({ text: '…', highlighted: false });
  const last = segments[segments.length - 1];
  if (!last.highlighted) last.text = last.text.trimEnd();
  if (to < chars.length) segments.push({ text: '…', highlighted: false });
  // Merge neighbouring plain segments (the ellipses) and drop the ones trimming emptied.
  return segments.reduce<ExcerptSegment[]>((merged, segment) => {
    const previous = merged[merged.length - 1];
    if (!segment.text) return merged;
    if (previous && !previous.highlighted && !segment.highlighted) previous.text += segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
};

const isValidHint = (hint: MatchPosition | null | undefined, length: number): hint is MatchPosition =>
  !!hint && Number.isInteger(hint.start) && Number.isInteger(hint.length) && hint.start >= 0 && hint.length > 0 && hint.start + hint.length <= length;

// The excerpt of `text` around the first occurrence of `query` (case- and accent-insensitive, as the
// search matched it), with every occurrence inside the excerpt highlighted and the original accents
// kept. When the term cannot be located, the start of the text, with nothing highlighted.
export const highlightExcerpt = ({ text, query, hint, width = 60 }: HighlightExcerptOptions): ExcerptSegment[] => {
  const chars = [...text];
  let matches = findAll(chars, query.trim());
  if (!matches.length && isValidHint(hint, chars.length)) matches = [hint];
  const [from, to] = windowAround(chars, matches[0] ?? { start: 0, length: 0 }, width);
  return segmentsOf(chars, from, to, matches);
};
