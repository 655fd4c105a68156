import type { IncomingMessage } from 'node:http';
import en from '@/lib/i18n/messages/en/errors.json';
import es from '@/lib/i18n/messages/es/errors.json';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';

// Requests refused before any route sees them (server.ts), so that no handler, page or query ever
// gets their values: a NUL byte anywhere in the URL (PostgreSQL text cannot hold one), or a path
// whose percent-encoding is not UTF-8 (%ED%A0%80 is half a surrogate pair: decoding it throws).
export type MalformedReason = 'url';

export const malformedRequest = (rawUrl: string): MalformedReason | null => {
  const queryAt = rawUrl.indexOf('?');
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
  // The query is decoded leniently by everyone (URLSearchParams turns broken escapes into U+FFFD), so
  // only a NUL there matters; a path segment is decoded strictly by the router.
  if (/%00|\0/i.test(query)) return 'url';
  try {
    if (decodeURIComponent(path).includes('\0')) return 'url';
  } catch {
    return 'url';
  }
  return null;
};

// The refusal page has inline styles and nothing else.
export const BAD_REQUEST_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// The 400 answer: JSON for route handlers and APIs (`{ error, details, message }` like every API
// error), a small page in the visitor's language otherwise.
export const badRequestResponse = ({ pathname, acceptLanguage, reason }: { pathname: string; acceptLanguage: string | null; reason: 'url' | 'post' }) => {
  const messages = (localeFromAcceptLanguage(acceptLanguage) === 'en' ? en : es).errors.badRequest;
  if (/^\/(api|public|apps)(\/|$)/.test(pathname)) {
    return {
      status: 400,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({ error: 'INVALID_INPUT', message: messages[reason], details: { reason: reason === 'url' ? 'malformed_url' : 'unexpected_form' } }),
    };
  }
  const lang = localeFromAcceptLanguage(acceptLanguage);
  const body = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(messages.title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a"><h1 style="font-size:1.25rem">${escapeHtml(messages.title)}</h1><p>${escapeHtml(messages[reason])}</p><p><a href="/">${escapeHtml(messages.home)}</a></p></body></html>`;
  return { status: 400, contentType: 'text/html; charset=utf-8', body };
};

// The first `bytes` bytes of a request body (all of it if shorter), put back so that whoever reads
// the request next gets the whole body. Paused mode only (read/unshift), and the bytes go back before
// 'end' is emitted (the last 'readable' comes first), so Next.js's own reading flows as usual.
export const peekBody = (request: IncomingMessage, bytes: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      request.off('readable', onReadable);
      request.off('error', reject);
      const peeked = Buffer.concat(chunks);
      if (peeked.length && !request.readableEnded) request.unshift(peeked);
      resolve(peeked);
    };
    const onReadable = () => {
      for (let chunk = request.read() as Buffer | null; chunk !== null; chunk = request.read() as Buffer | null) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= bytes) return finish();
      }
      // The whole body is in: finish before 'end' is emitted.
      if (request.complete) finish();
    };
    request.on('readable', onReadable);
    request.once('error', reject);
  });

// A page's forms post multipart bodies only as server actions: with JavaScript, with a Next-Action
// header; without it, as React's progressive form whose hidden `$ACTION_ID_…` / `$ACTION_REF_…` field
// comes first. Any other multipart POST to a page (Next.js would answer 500 "Failed to find Server
// Action") is refused with 400.
export const isUnexpectedPagePost = async (request: IncomingMessage): Promise<boolean> => {
  if (request.method !== 'POST' || request.headers['next-action']) return false;
  if (!/^multipart\/form-data/i.test(String(request.headers['content-type'] ?? ''))) return false;
  const head = await peekBody(request, 4096);
  return !head.includes('name="$ACTION_');
};

// A server action called with a JSON body (React's encoding without files) that is not JSON: Next.js
// would answer 500 while decoding it. Bodies up to 1 MB are checked; larger ones pass through.
export const isMalformedActionBody = async (request: IncomingMessage): Promise<boolean> => {
  if (request.method !== 'POST' || !request.headers['next-action']) return false;
  if (!/^text\/plain/i.test(String(request.headers['content-type'] ?? ''))) return false;
  const limit = 1024 * 1024;
  const body = await peekBody(request, limit);
  if (body.length >= limit) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
};
