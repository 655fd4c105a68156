import { createHmac, timingSafeEqual } from 'node:crypto';
import { linkSecret } from '../../transcripts/send-transcript';

// The website widget's visitor session: a token the widget keeps in its iframe's localStorage
// (the app's origin, partitioned by the host site in browsers that partition storage) and sends
// in `X-Bandeja-Visitor`. It names the inbox and the visitor's source id (their contact_inboxes
// link, created with their first message), signed with a key derived from AUTH_SECRET; it is
// renewed at every widget start, and one not renewed for VISITOR_TOKEN_TTL_MS is refused.
export type VisitorToken = { inboxId: number; sourceId: string; issuedAt: number };

export const VISITOR_TOKEN_TTL_MS = 180 * 24 * 60 * 60 * 1000;

const key = () => createHmac('sha256', linkSecret()).update('widget-visitor-token').digest();
const sign = (payload: string) => createHmac('sha256', key()).update(payload).digest('base64url');

export const signVisitorToken = ({ inboxId, sourceId }: Omit<VisitorToken, 'issuedAt'>, now: Date): string => {
  const payload = Buffer.from(JSON.stringify({ i: inboxId, s: sourceId, t: Math.floor(now.getTime() / 1000) })).toString('base64url');
  return `${payload}.${sign(payload)}`;
};

// The token's contents, or null when it is malformed, tampered with or expired.
export const verifyVisitorToken = (token: string | null | undefined, now: Date): VisitorToken | null => {
  if (!token || token.length > 600) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const [expected, given] = [Buffer.from(sign(payload)), Buffer.from(signature)];
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { i, s, t } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { i: unknown; s: unknown; t: unknown };
    if (typeof i !== 'number' || typeof s !== 'string' || typeof t !== 'number') return null;
    if (t * 1000 + VISITOR_TOKEN_TTL_MS < now.getTime() || t * 1000 > now.getTime() + 60_000) return null;
    return { inboxId: i, sourceId: s, issuedAt: t };
  } catch {
    return null;
  }
};
