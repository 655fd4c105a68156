import { isIP } from 'node:net';
import { isPublicAddress, resolveWebhookTarget, type ResolvedTarget, type ResolveOptions } from '../webhooks/address-check';

// Push endpoints come from the browser, so the server must not post to just any address an agent
// sends (SSRF): in production mode an endpoint must be https and every address it resolves to
// public, checked when it is saved and again at each delivery (the connection is pinned to the
// checked addresses, as for webhooks). Outside production mode, or with
// BANDEJA_ALLOW_PRIVATE_PUSH_ENDPOINTS=true (the end-to-end tests' local push service), http and
// private addresses are allowed.
export const privatePushEndpointsAllowed = (): boolean =>
  process.env.NODE_ENV !== 'production' || process.env.BANDEJA_ALLOW_PRIVATE_PUSH_ENDPOINTS === 'true';

// The cheap check at save time: a URL with https (or, when private endpoints are allowed, http), no
// user:password, and no literal private address.
export const isAcceptablePushEndpoint = (raw: string, allowPrivate = privatePushEndpointsAllowed()): boolean => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (allowPrivate) return url.protocol === 'https:' || url.protocol === 'http:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return url.protocol === 'https:' && (!isIP(host) || isPublicAddress(host)) && host !== 'localhost';
};

// The full check at delivery: resolves the host and refuses private addresses unless allowed.
export const resolvePushEndpoint = async (raw: string, options: ResolveOptions = {}): Promise<ResolvedTarget> => {
  const allowPrivate = options.allowPrivate ?? privatePushEndpointsAllowed();
  if (!isAcceptablePushEndpoint(raw, allowPrivate)) return { ok: false, reason: 'scheme' };
  return resolveWebhookTarget(raw, { ...options, allowPrivate });
};
