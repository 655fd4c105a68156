'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { retryMailAction } from '@/lib/actions/outbox';

// Sends a failed mail again and says how it went (sent, failed again, or kept in the outbox). It stays
// mounted once the mail is no longer failed (canRetry false), so the outcome is still announced
// after the page re-renders with the new status.
export const OutboxRetryButton = ({ outboxId, canRetry }: { outboxId: number; canRetry: boolean }) => {
  const t = useTranslations('outbox');
  const [state, action, pending] = useActionState(retryMailAction, {});
  const status = state.ok ? state.details?.status : undefined;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="outboxId" value={outboxId} />
      {canRetry && (
        <button
          type="submit"
          disabled={pending}
          className="self-start rounded-md bg-brand-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60"
        >
          {pending ? t('retrying') : t('retry')}
        </button>
      )}
      <FormError state={state} />
      {(status === 'sent' || status === 'failed' || status === 'stored') && (
        <p role="status" className={status === 'failed' ? 'text-sm text-red-700' : 'text-sm text-emerald-700'}>
          {t(`retried.${status}`)}
        </p>
      )}
    </form>
  );
};
