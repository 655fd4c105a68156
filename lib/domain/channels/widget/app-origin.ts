import { trustProxy } from '@/lib/auth/trust-proxy';

// The request headers an origin computed by appOrigin depends on (for `Vary`): none with APP_URL.
export const appOriginVary = (): string | null => (process.env.APP_URL ? null : trustProxy() ? 'Host, X-Forwarded-Host, X-Forwarded-Proto' : 'Host');

// The address visitors' browsers reach the app at, for the snippet and the loader: APP_URL when
// set, else the request's own origin. The proxy's forwarded host and scheme only with TRUST_PROXY=true:
// otherwise anyone could have a cache store a loader that points at their own site.
export const appOrigin = (headers: Headers, requestUrl?: string): string => {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, '');
  const forwarded = trustProxy();
  const host = (forwarded ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : null) || headers.get('host');
  const proto =
    (forwarded ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : null) || (requestUrl ? new URL(requestUrl).protocol.replace(':', '') : 'http');
  if (host) return `${proto}://${host}`;
  return requestUrl ? new URL(requestUrl).origin : 'http://localhost:3000';
};

// The two lines an administrator pastes into their site.
export const widgetSnippet = (origin: string, inboxIdentifier: string): string =>
  `<script>window.bandejaSettings={inbox:${JSON.stringify(inboxIdentifier)},locale:"auto"}</script>\n<script async src="${origin}/widget.js"></script>`;
