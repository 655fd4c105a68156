import { createHmac, timingSafeEqual } from 'node:crypto';

// Identity verification, as Chatwoot does it: the site's (or integration's) server computes
// HMAC-SHA256(identifier) with the inbox's secret, in hex, and the client passes it beside the identifier.
export const identityHashFor = (secret: string, identifier: string) => createHmac('sha256', secret).update(identifier).digest('hex');

// Whether `hash` is the identifier's hash with this secret (constant time; hex in any case).
export const isValidIdentityHash = (secret: string, identifier: string, hash: string | null | undefined): boolean => {
  if (!hash) return false;
  const [expected, given] = [Buffer.from(identityHashFor(secret, identifier)), Buffer.from(hash.trim().toLowerCase())];
  return expected.length === given.length && timingSafeEqual(expected, given);
};
