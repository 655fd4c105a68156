import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ZDbId } from '../request-values';

// A person may hold this many live tokens per account: enough for every integration, few enough to review.
export const MAX_API_TOKENS = 20;

export const ZApiTokenName = z.string().trim().min(1).max(100);
export const ZCreateApiTokenInput = z.object({ name: ZApiTokenName });
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({ tokenId: ZDbId });
export type TRevokeApiTokenInput = z.input<typeof ZRevokeApiTokenInput>;

// The token's text: a recognisable prefix (secret scanners and people can tell what it is) and 32
// random bytes. Only its SHA-256 is stored, so a copy of the table opens nothing.
export const newApiToken = (): { token: string; tokenHash: string } => {
  const token = `bdj_${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token) };
};

export const hashApiToken = (token: string): string => createHash('sha256').update(token).digest('hex');
