'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createApiToken } from '@/lib/domain/api-tokens/create-api-token';
import { ZApiTokenName } from '@/lib/domain/api-tokens/api-token-schemas';
import { revokeApiToken } from '@/lib/domain/api-tokens/revoke-api-token';
import { formAction } from './action';

// Profile › Access token: a new token; its text comes back once, in `details.token`, for the form to show.
export const createApiTokenAction = formAction(z.object({ tokenName: ZApiTokenName }), async (ctx, { tokenName }) => {
  const created = await createApiToken(ctx, { name: tokenName });
  revalidatePath('/settings/profile');
  return { details: { token: created.token, name: created.name } };
});

// Profile › Access token: revoke one of my tokens (its next request is refused).
export const revokeApiTokenAction = formAction(z.object({ tokenId: z.string() }), async (ctx, { tokenId }) => {
  await revokeApiToken(ctx, { tokenId });
  revalidatePath('/settings/profile');
});
