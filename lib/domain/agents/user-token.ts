import { createHash, randomBytes } from 'node:crypto';

// Single-use tokens mailed to a person (user_tokens): 32 random bytes in the link, only their
// SHA-256 in the database, so a copy of the table opens no account.
export const newUserToken = (): { token: string; tokenHash: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashUserToken(token) };
};

export const hashUserToken = (token: string): string => createHash('sha256').update(token).digest('hex');

// Where links in mails point; APP_URL is the address people reach the app at.
export const appUrl = (): string => (process.env.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
