import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import type { VapidDetails } from '@/lib/domain/push/deliver-pushes';

// The subject push services may contact about this sender (RFC 8292): VAPID_SUBJECT, else APP_URL
// when it is https, else a placeholder address.
const defaultSubject = (): string => {
  const appUrl = process.env.APP_URL;
  return appUrl?.startsWith('https://') ? appUrl : 'mailto:push@bandeja.invalid';
};

// Web Push's VAPID key pair: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY (both, base64url as web-push prints
// them), or, with neither set, a pair generated into <data dir>/vapid-keys.json on first start and
// reused after (like AUTH_SECRET). server.ts calls this before anything reads the keys; browsers
// subscribed with one public key stop receiving pushes if it changes, so keep it.
export const ensureVapidKeys = async (dataDir: string): Promise<void> => {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = process.env;
  if (publicKey && privateKey) return;
  if (publicKey || privateKey) throw new Error('Web Push: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (a pair is then generated into the data directory).');
  const file = path.join(dataDir, 'vapid-keys.json');
  let keys = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as { publicKey?: string; privateKey?: string })
    .catch(() => ({}) as { publicKey?: string; privateKey?: string });
  if (!keys.publicKey || !keys.privateKey) {
    keys = webpush.generateVAPIDKeys();
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
  }
  process.env.VAPID_PUBLIC_KEY = keys.publicKey;
  process.env.VAPID_PRIVATE_KEY = keys.privateKey;
};

// The keys in use, or null before ensureVapidKeys ran (scripts, tests): push stays off.
export const getVapidDetails = (): VapidDetails | null => {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = process.env;
  return publicKey && privateKey ? { subject: process.env.VAPID_SUBJECT || defaultSubject(), publicKey, privateKey } : null;
};
