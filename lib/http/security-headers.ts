// Security headers of every response (server.ts sets them on all of them; middleware.ts adds the
// per-request nonce CSP of pages). Edge-safe: no Node imports, the middleware runs this too.

type Env = Record<string, string | undefined>;

// The one page that other sites may frame: the website widget's chat (app/widget/[inboxIdentifier]).
export const isFramablePath = (pathname: string): boolean => /^\/widget\/[^/]+\/?$/.test(pathname);

// Where browsers open their realtime WebSocket when it is not this origin (an external Pusher
// Channels cluster or Soketi, lib/realtime/config.ts); 'self' covers the embedded server.
export const realtimeConnectSources = (env: Env = process.env): string[] => {
  if (!env.PUSHER_APP_ID || !env.PUSHER_KEY) return [];
  if (!env.PUSHER_HOST) return [`wss://ws-${env.PUSHER_CLUSTER || 'mt1'}.pusher.com`];
  const host = env.PUSHER_WS_HOST || env.PUSHER_HOST;
  const port = env.PUSHER_WS_PORT || env.PUSHER_PORT;
  const hostPort = port ? `${host}:${port}` : host;
  return [`ws://${hostPort}`, `wss://${hostPort}`];
};

// The Content-Security-Policy of a page. Scripts: only those carrying this response's nonce (Next.js
// puts it on its own scripts when it finds it in the request's CSP header) and what they load
// ('strict-dynamic'). Styles may be inline (React style attributes, Next's injected styles) but only
// from this origin otherwise. Images may come from https (agents' and contacts' avatar URLs).
export const pageContentSecurityPolicy = ({ nonce, pathname, dev = false, env = process.env }: { nonce: string; pathname: string; dev?: boolean; env?: Env }): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...realtimeConnectSources(env)].join(' '),
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isFramablePath(pathname) ? '*' : "'none'"}`,
  ].join('; ');

// What a response that is not a page (route handlers, files, the realtime HTTP API) may do when a
// browser renders it: nothing, and it is never framed. Route handlers that serve files set their own.
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// The service worker's script: a worker is bound by the CSP of its own script, and public/sw.js fetches
// this origin's pages and assets (caching, pass-through) and shows notifications with its icons.
export const SERVICE_WORKER_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// The CSP server.ts sets on a response that is not a page.
export const nonPageContentSecurityPolicy = (pathname: string): string =>
  pathname === '/sw.js' ? SERVICE_WORKER_CONTENT_SECURITY_POLICY : NON_PAGE_CONTENT_SECURITY_POLICY;

// Headers every response gets. HSTS only when the request came over https (a proxy that terminates
// TLS says so in X-Forwarded-Proto, believed with TRUST_PROXY=true): browsers ignore it over http
// anyway, and sending it from a development http server would only confuse.
export const baseSecurityHeaders = ({ pathname, https }: { pathname: string; https: boolean }): Record<string, string> => ({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The composer's voice notes use the microphone; nothing else of the app uses a device or sensor.
  'Permissions-Policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  ...(isFramablePath(pathname) ? {} : { 'X-Frame-Options': 'DENY' }),
  ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
});

// A page route: not a route handler, a Next.js asset or the realtime API.
export const isPagePath = (pathname: string): boolean =>
  !/^\/(api|public|apps|app|_next)(\/|$)/.test(pathname) && pathname !== '/widget.js' && !/\.[a-z0-9]+$/i.test(pathname);
