import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpush from 'web-push';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureVapidKeys, getVapidDetails } from '@/lib/push/vapid';

// server.ts's first start on an empty data directory, its next start, and the operator's
// environment. ensureVapidKeys writes process.env, so each test stubs every variable it touches
// and restores them all afterwards.
const VARIABLES = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT', 'APP_URL'] as const;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bandeja-vapid-'));
  for (const name of VARIABLES) vi.stubEnv(name, undefined);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

const forgetKeys = () => {
  vi.stubEnv('VAPID_PUBLIC_KEY', undefined);
  vi.stubEnv('VAPID_PRIVATE_KEY', undefined);
};

describe('ensureVapidKeys', () => {
  it('generates a pair into the data directory on first start and reuses it on the next', async () => {
    // The data directory may not exist yet (a fresh volume).
    const dataDir = path.join(dir, 'data');
    expect(getVapidDetails()).toBeNull();
    await ensureVapidKeys(dataDir);

    const file = path.join(dataDir, 'vapid-keys.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { publicKey: string; privateKey: string };
    expect(stored).toEqual({ publicKey: process.env.VAPID_PUBLIC_KEY, privateKey: process.env.VAPID_PRIVATE_KEY });
    // An uncompressed P-256 point and a 32-byte scalar, base64url: what browsers and web-push take.
    expect(Buffer.from(stored.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(stored.privateKey, 'base64url')).toHaveLength(32);
    expect(() => webpush.setVapidDetails('mailto:a@b.test', stored.publicKey, stored.privateKey)).not.toThrow();
    // The private key is readable by the app's user only.
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    // The next start (a new process: nothing in the environment) finds the same pair.
    forgetKeys();
    await ensureVapidKeys(dataDir);
    expect(getVapidDetails()).toMatchObject(stored);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(stored);
  });

  it('replaces an unreadable or incomplete key file with a new pair', async () => {
    const file = path.join(dir, 'vapid-keys.json');
    for (const broken of ['not json', JSON.stringify({ publicKey: 'only-half' })]) {
      await writeFile(file, broken);
      forgetKeys();
      await ensureVapidKeys(dir);
      const stored = JSON.parse(await readFile(file, 'utf8')) as { publicKey: string; privateKey: string };
      expect(Buffer.from(stored.publicKey, 'base64url')).toHaveLength(65);
      expect(process.env.VAPID_PRIVATE_KEY).toBe(stored.privateKey);
    }
  });

  it("uses the environment's pair when both are set, and writes no file", async () => {
    const keys = webpush.generateVAPIDKeys();
    vi.stubEnv('VAPID_PUBLIC_KEY', keys.publicKey);
    vi.stubEnv('VAPID_PRIVATE_KEY', keys.privateKey);
    await ensureVapidKeys(dir);
    expect(getVapidDetails()).toMatchObject(keys);
    await expect(stat(path.join(dir, 'vapid-keys.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to start with only one of the two keys set (both or neither)', async () => {
    const keys = webpush.generateVAPIDKeys();
    for (const [name, value] of [['VAPID_PUBLIC_KEY', keys.publicKey], ['VAPID_PRIVATE_KEY', keys.privateKey]] as const) {
      forgetKeys();
      vi.stubEnv(name, value);
      await expect(ensureVapidKeys(dir)).rejects.toThrow(/both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither/);
    }
    // Nothing was generated to stand in for the missing half.
    await expect(stat(path.join(dir, 'vapid-keys.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('getVapidDetails: the subject', () => {
  beforeEach(() => ensureVapidKeys(dir));

  it('is VAPID_SUBJECT when set', () => {
    vi.stubEnv('VAPID_SUBJECT', 'mailto:ops@example.com');
    vi.stubEnv('APP_URL', 'https://bandeja.example.com');
    expect(getVapidDetails()?.subject).toBe('mailto:ops@example.com');
  });

  it('falls back to APP_URL when it is https, else to a placeholder address', () => {
    vi.stubEnv('APP_URL', 'https://bandeja.example.com');
    expect(getVapidDetails()?.subject).toBe('https://bandeja.example.com');
    // An http URL is no valid subject (RFC 8292 asks for mailto: or https:).
    vi.stubEnv('APP_URL', 'http://localhost:3000');
    expect(getVapidDetails()?.subject).toBe('mailto:push@bandeja.invalid');
    vi.stubEnv('APP_URL', undefined);
    expect(getVapidDetails()?.subject).toBe('mailto:push@bandeja.invalid');
    // An empty VAPID_SUBJECT (a blank line in an env file) counts as unset.
    vi.stubEnv('VAPID_SUBJECT', '');
    expect(getVapidDetails()?.subject).toBe('mailto:push@bandeja.invalid');
  });
});
