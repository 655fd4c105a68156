import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

// argon2id (algorithm 2; the package's const enum cannot be imported under isolatedModules), 64 MiB,
// 3 passes, 1 lane: about 75 ms per hash or verify on this 2-core machine, above OWASP's minimum
// (19 MiB, t=2). Every concurrent sign-in holds 64 MiB while it runs.
export const PASSWORD_HASH_OPTIONS = { algorithm: 2, memoryCost: 65_536, timeCost: 3, parallelism: 1 } satisfies Options;

// Hashes a password for storage (PHC string: $argon2id$v=19$m=65536,t=3,p=1$salt$hash).
export const hashPassword = (plain: string): Promise<string> => hash(plain, PASSWORD_HASH_OPTIONS);

// A hash of a random secret made with the current parameters, computed once per process. Verifying
// against it costs what a real verify costs and never succeeds.
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
};

// True when `plain` matches `stored`. With no stored hash (unknown email, or a user who has not set a
// password yet) it still spends a full verify on the dummy hash and answers false, so the response time
// does not tell whether an email exists. A malformed stored hash counts as a mismatch.
export const verifyPassword = async (stored: string | null | undefined, plain: string): Promise<boolean> => {
  if (!stored) {
    await verify(await dummyPasswordHash(), plain).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
};

// True when a stored hash was made with other parameters than today's: rehash it after a successful
// sign-in.
export const passwordNeedsRehash = (stored: string): boolean => {
  try {
    const options = parseOptions(stored);
    return (
      options.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      options.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      options.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      options.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
};
