import type { CustomAttributeDefinition } from '@/db/schema';
import type { AttributeValue } from '../activity/activity-text';
import { DomainError } from '../errors';

// Text and links are at most this long; it also bounds the work of an administrator's pattern.
export const ATTRIBUTE_VALUE_MAX_LENGTH = 1000;

type Definition = Pick<CustomAttributeDefinition, 'key' | 'type' | 'listValues' | 'regexPattern' | 'regexHint'>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Plain decimal notation, as people type numbers (no hex, no "Infinity"); a comma is not a decimal
// separator here: "1,5" is refused rather than read as 15 or 1.5.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
// Forms post checkboxes as "on" (checked) or a hidden "false"; the API sends booleans.
const CHECKBOX: Record<string, boolean> = { true: true, on: true, false: false };

const isRealDate = (text: string): boolean => {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

// A stored pattern that does not compile (written around the domain) is not applied: refusing
// every value would leave the attribute unusable.
const matchesPattern = (pattern: string, text: string): boolean => {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return true;
  }
};

const isWebLink = (text: string): boolean => {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
};

// A1/A2: the value as stored for the definition's type, or INVALID_INPUT naming the attribute's key
// with a reason: `required` (empty), `too_long`, `invalid` (not a value of the type), or `pattern`
// (the administrator's pattern did not match; `hint` carries their hint for the sidebar to show).
// text: up to 1000 characters; number: finite, stored as a number; link: an http(s) URL; date:
// a real calendar day YYYY-MM-DD; list: one of its values; checkbox: a boolean.
export const validateAttributeValue = (definition: Definition, raw: unknown): AttributeValue => {
  const refuse = (reason: string): never => {
    throw new DomainError('INVALID_INPUT', {
      field: definition.key,
      reason,
      ...(reason === 'pattern' && definition.regexHint ? { hint: definition.regexHint } : {}),
    });
  };

  if (definition.type === 'checkbox') {
    if (typeof raw === 'boolean') return raw;
    const checked = typeof raw === 'string' ? CHECKBOX[raw.trim().toLowerCase()] : undefined;
    return checked ?? refuse('invalid');
  }

  if (definition.type === 'number') {
    if (typeof raw === 'number') return Number.isFinite(raw) ? raw : refuse('invalid');
    if (typeof raw !== 'string') return refuse('invalid');
    const text = raw.trim();
    if (text === '') return refuse('required');
    const value = Number(text);
    return NUMBER.test(text) && Number.isFinite(value) ? value : refuse('invalid');
  }

  // The remaining types are text; a number sent for a text attribute is taken as its digits.
  if (typeof raw !== 'string' && !(definition.type === 'text' && typeof raw === 'number' && Number.isFinite(raw))) return refuse('invalid');
  const text = String(raw).trim();
  if (text === '') return refuse('required');
  if (text.length > ATTRIBUTE_VALUE_MAX_LENGTH) return refuse('too_long');

  switch (definition.type) {
    case 'link':
      return isWebLink(text) ? text : refuse('invalid');
    case 'date':
      return isRealDate(text) ? text : refuse('invalid');
    case 'list':
      return definition.listValues.includes(text) ? text : refuse('invalid');
    case 'text':
      // The pattern compiled when it was saved; it is tested on at most 1000 characters.
      if (definition.regexPattern && !matchesPattern(definition.regexPattern, text)) return refuse('pattern');
      return text;
  }
};
