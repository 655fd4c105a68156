import type { SocialProfiles } from '@/db/schema';

export type SocialNetwork = keyof SocialProfiles;

export const SOCIAL_NETWORKS: readonly SocialNetwork[] = ['facebook', 'twitter', 'linkedin', 'github'];

type NetworkRules = {
  // Host names of the network's profile URLs (without "www." / "m." / a country prefix).
  hosts: readonly string[];
  // What a username of the network looks like (the networks' own rules, slightly lenient).
  username: RegExp;
  // The profile URL of a username.
  url: (username: string) => string;
};

const RULES: Record<SocialNetwork, NetworkRules> = {
  facebook: { hosts: ['facebook.com', 'fb.com'], username: /^[A-Za-z0-9.]{1,50}$/, url: (u) => `https://www.facebook.com/${u}` },
  twitter: { hosts: ['twitter.com', 'x.com'], username: /^[A-Za-z0-9_]{1,15}$/, url: (u) => `https://x.com/${u}` },
  linkedin: { hosts: ['linkedin.com'], username: /^[\p{L}\p{N}_-]{3,100}$/u, url: (u) => `https://www.linkedin.com/in/${encodeURIComponent(u)}` },
  github: { hosts: ['github.com'], username: /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, url: (u) => `https://github.com/${u}` },
};

const belongsTo = (host: string, hosts: readonly string[]) => hosts.some((known) => host === known || host.endsWith(`.${known}`));

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

// The username in a profile URL of the network, or null when the URL is not one of its profiles.
const usernameFromUrl = (network: SocialNetwork, text: string): string | null => {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (!belongsTo(url.hostname.toLowerCase(), RULES[network].hosts)) return null;
  const segments = url.pathname.split('/').filter(Boolean).map(decode);
  // Facebook profiles without a vanity name: /profile.php?id=1000123.
  if (network === 'facebook' && segments[0] === 'profile.php') return url.searchParams.get('id');
  // LinkedIn personal profiles live under /in/.
  if (network === 'linkedin') return segments[0] === 'in' && segments.length === 2 ? segments[1] : null;
  return segments.length === 1 ? segments[0] : null;
};

// K2: what agents type in a social profile field, as stored: the username alone. Accepted: the
// username ("laura", "@laura") or a profile URL of that network, with or without https:// and
// www. ("https://github.com/laura/", "x.com/laura", "linkedin.com/in/laura-g"). Storing the
// username keeps one canonical value however it was pasted, and the link is rebuilt from it
// (socialProfileUrl) so a stored value can never point to another site. Returns null when the
// text is neither.
export const parseSocialProfile = (network: SocialNetwork, raw: string): string | null => {
  const text = raw.trim();
  const looksLikeUrl = text.includes('/') || /^https?:/i.test(text) || RULES[network].hosts.some((host) => text.toLowerCase().includes(host));
  const username = looksLikeUrl ? usernameFromUrl(network, text) : text.replace(/^@/, '');
  return username && RULES[network].username.test(username) ? username : null;
};

// The profile URL of a stored username, for the contact card's links (D1).
export const socialProfileUrl = (network: SocialNetwork, username: string): string => RULES[network].url(username);
