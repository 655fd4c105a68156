'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { resendWebhookDeliveryAction } from '@/lib/actions/webhooks';

// Makes a delivery due again now (a fresh count of attempts).
export const WebhookResendButton = ({ deliveryId }: { deliveryId: number }) => {
  const t = useTranslations('webhooks');
  const [state, action, pending] = useActionState(resendWebhookDeliveryAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" disabled={pending} className="self-start rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50">
        {t('resend')}
      </button>
      <FormError state={state} />
      {state.ok && <p role="status" className="text-xs text-emerald-700">{t('resent')}</p>}
    </form>
  );
};
