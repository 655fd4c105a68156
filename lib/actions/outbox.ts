'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { retryMail } from '@/lib/domain/mail/retry-mail';
import { ZDbId } from '@/lib/domain/request-values';
import { formAction } from './action';

// Sends a failed mail again: administrators from the outbox page, agents for the mail they sent
// (a failed transcript). The result's status (sent, failed, stored) is in `details.status`.
export const retryMailAction = formAction(z.object({ outboxId: ZDbId }), async (ctx, input) => {
  const { status } = await retryMail(ctx, input);
  revalidatePath('/settings/outbox', 'layout');
  return { details: { status, outboxId: input.outboxId } };
});
