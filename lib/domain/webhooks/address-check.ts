import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// SSRF guard for outbound webhooks: a target must be http(s) and every address its host resolves to
// must be a public unicast address. Checked when an administrator saves a webhook and again at each
// delivery, where the connection is pinned to the address that was checked (DNS rebinding).

// Addresses a webhook may never reach. IPv4-mapped (::ffff:a.b.c.d), IPv4-translated
// (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) IPv6 addresses are
// judged by the IPv4 address they carry.
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID...)
  ['2002::', 16], // 6to4: carries an IPv4 address anywhere
  // NAT64 outside the well-known /96 (which is judged by the IPv4 address it carries, below): the
  // local-use prefix 64:ff9b:1::/48 (RFC 8215) translates to whatever IPv4 its operator chooses,
  // and the rest of 64:ff9b::/32 is not public address space either.
  ['64:ff9b::', 32],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

// The 8 groups of an IPv6 address as numbers (handles "::" and a trailing dotted IPv4).
const ipv6Groups = (address: string): number[] | null => {
  let text = address.toLowerCase().split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const octets = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((octets[0] << 8) | octets[1]).toString(16)}:${((octets[2] << 8) | octets[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const groups = tail === undefined ? front : [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
};

// The IPv4 address an IPv6 address carries (mapped, translated, compatible or NAT64 /96), if any.
const embeddedIpv4 = (groups: number[]): string | null => {
  const v4 = () => `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4(); // ::ffff:a.b.c.d
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return v4(); // ::ffff:0:a.b.c.d (SIIT)
  if (zeros(0, 6) && (groups[6] !== 0 || groups[7] > 1)) return v4(); // ::a.b.c.d
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(); // 64:ff9b::a.b.c.d
  return null;
};

// Whether a webhook may connect to this IP address (false for anything that is not an address).
export const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return !blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const v4 = embeddedIpv4(groups);
  if (v4 !== null) return isPublicAddress(v4);
  return !blocked.check(groups.map((group) => group.toString(16)).join(':'), 'ipv6');
};

// Private targets are allowed outside production mode (local development, tests against a receiver
// on 127.0.0.1), and in production only when BANDEJA_ALLOW_PRIVATE_WEBHOOKS=true.
export const privateTargetsAllowed = (): boolean =>
  process.env.NODE_ENV !== 'production' || process.env.BANDEJA_ALLOW_PRIVATE_WEBHOOKS === 'true';

export type TargetProblem = 'invalid_url' | 'scheme' | 'credentials' | 'unresolvable' | 'private_address';

export type ResolvedTarget = { ok: true; url: URL; addresses: { address: string; family: number }[] } | { ok: false; reason: TargetProblem };

export type ResolveOptions = {
  allowPrivate?: boolean;
  // For tests: how host names are resolved (defaults to the system resolver, every address).
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
};

const systemResolve = (host: string) => lookup(host, { all: true, verbatim: true });

// Checks a webhook URL: http or https, no user:password, and (unless private targets are allowed)
// a host whose EVERY address is public; one private address among public ones is refused, since a
// connection could pick it.
export const resolveWebhookTarget = async (raw: string, options: ResolveOptions = {}): Promise<ResolvedTarget> => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch {
      return { ok: false, reason: 'unresolvable' };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable' };
  const allowPrivate = options.allowPrivate ?? privateTargetsAllowed();
  if (!allowPrivate && !addresses.every(({ address }) => isPublicAddress(address))) return { ok: false, reason: 'private_address' };
  return { ok: true, url, addresses };
};
