// Formatting people type around a number: spaces (any, including non-breaking), dashes, dots,
// slashes and parentheses. Anything else (letters, a second '+') makes the number invalid.
const FORMATTING = /[\s\-./()]/g;

// E.164: '+', a country code that never starts with 0, at most 15 digits; 8 is the shortest number
// a support team meets in practice (shorter strings are typos or extensions).
const E164 = /^\+[1-9]\d{7,14}$/;

// K2: a phone number as stored, in E.164 ("+52 (55) 1234-5678" → "+525512345678"), so that the same
// number typed two ways is one number (the account's unique phone index and search rely on it).
// The international prefix 00 becomes '+'. Returns null when the text is not a full international
// number: without a country code the number is ambiguous, and we do not guess one.
export const normalizePhone = (raw: string): string | null => {
  let phone = raw.replace(FORMATTING, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return E164.test(phone) ? phone : null;
};
