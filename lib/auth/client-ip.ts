// The address a request came from. server.ts overwrites x-forwarded-for with the socket address
// unless TRUST_PROXY is set (behind a reverse proxy that sets it), so a client cannot choose it.
export const clientIp = (headers: Headers): string =>
  headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown';
