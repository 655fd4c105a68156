'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createWebhook, deleteWebhook, resendWebhookDelivery, updateWebhook } from '@/lib/domain/webhooks/manage-webhooks';
import { WEBHOOK_EVENTS } from '@/lib/domain/webhooks/webhook-events';
import { ZDbId } from '@/lib/domain/request-values';
import { formAction, zFormList } from './action';

// Forms send text; the domain checks the URL (SSRF rules) and answers INVALID_INPUT with a reason.
const ZWebhookForm = z.object({
  url: z.string(),
  inboxId: z.string().optional(),
  subscriptions: zFormList(z.enum(WEBHOOK_EVENTS)),
});

export const createWebhookAction = formAction(ZWebhookForm, async (ctx, input) => {
  await createWebhook(ctx, input);
  revalidatePath('/settings/webhooks');
});

export const updateWebhookAction = formAction(ZWebhookForm.extend({ webhookId: ZDbId }), async (ctx, input) => {
  await updateWebhook(ctx, input);
  revalidatePath('/settings/webhooks');
});

export const deleteWebhookAction = formAction(z.object({ webhookId: ZDbId }), async (ctx, input) => {
  await deleteWebhook(ctx, input);
  revalidatePath('/settings/webhooks');
});

export const resendWebhookDeliveryAction = formAction(z.object({ deliveryId: ZDbId }), async (ctx, input) => {
  await resendWebhookDelivery(ctx, input);
  revalidatePath('/settings/webhooks', 'layout');
});
