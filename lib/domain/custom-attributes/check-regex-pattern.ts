import { DomainError } from '../errors';

// Whether a quantifier repeats its atom more than once: *, +, {n,} and {n,m} with m > 1 (not ?).
// Returns the quantifier's length in the pattern, or 0 when there is none at `at`.
const quantifierAt = (pattern: string, at: number): { length: number; repeats: boolean } => {
  const char = pattern[at];
  if (char === '*' || char === '+') return { length: 1, repeats: true };
  if (char === '?') return { length: 1, repeats: false };
  if (char !== '{') return { length: 0, repeats: false };
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
  if (!match) return { length: 0, repeats: false };
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return { length: match[0].length, repeats: max > 1 };
};

// Nested repetition ("star height" above one: (a+)+, (\w+\s?)*, ([a-z]*){2,}) is what makes a
// backtracking engine take exponential time on a value that almost matches. This scan refuses it,
// as the safe-regex heuristic does. It does not catch every slow pattern (overlapping alternatives
// such as (a|a)* slip through); values are also capped at 1000 characters before any test.
const hasNestedRepetition = (pattern: string): boolean => {
  // One entry per open group: whether something inside it repeats.
  const groups: boolean[] = [false];
  let inClass = false;
  for (let at = 0; at < pattern.length; ) {
    const char = pattern[at];
    if (char === '\\') {
      at += 2;
    } else if (inClass) {
      if (char === ']') inClass = false;
      at += 1;
    } else if (char === '[') {
      inClass = true;
      at += 1;
    } else if (char === '(') {
      groups.push(false);
      at += 1;
    } else if (char === ')') {
      const inside = groups.pop() ?? false;
      const quantifier = quantifierAt(pattern, at + 1);
      if (inside && quantifier.repeats) return true;
      groups[groups.length - 1] ||= inside || quantifier.repeats;
      at += 1 + quantifier.length;
    } else {
      const quantifier = quantifierAt(pattern, at);
      if (quantifier.repeats) groups[groups.length - 1] = true;
      at += Math.max(1, quantifier.length);
    }
  }
  return false;
};

// Checks an administrator's validation pattern (at most 200 characters, checked by the schema):
// it must compile as a JavaScript RegExp (no flags; the sidebar tests with the same engine) and
// must not nest repetitions. INVALID_INPUT `regexPattern` with reason `invalid` or `unsafe`.
export const checkRegexPattern = (pattern: string): RegExp => {
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch {
    throw new DomainError('INVALID_INPUT', { field: 'regexPattern', reason: 'invalid' });
  }
  if (hasNestedRepetition(pattern)) throw new DomainError('INVALID_INPUT', { field: 'regexPattern', reason: 'unsafe' });
  return compiled;
};
