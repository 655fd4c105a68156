// The address visitors' browsers reach the app at, for the snippet and the loader: APP_URL when
// set, else the request's own origin (the proxy's forwarded host and scheme when there is one).
export const appOrigin = (headers: Headers, requestUrl?: string): string => {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? (requestUrl ? new URL(requestUrl).protocol.replace(':', '') : 'http');
  if (host) return `${proto}://${host}`;
  return requestUrl ? new URL(requestUrl).origin : 'http://localhost:3000';
};

// The two lines an administrator pastes into their site.
export const widgetSnippet = (origin: string, inboxIdentifier: string): string =>
  `<script>window.bandejaSettings={inbox:${JSON.stringify(inboxIdentifier)},locale:"auto"}</script>\n<script async src="${origin}/widget.js"></script>`;
