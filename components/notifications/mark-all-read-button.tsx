'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { markAllNotificationsReadAction } from '@/lib/actions/notifications';

export const MarkAllReadButton = () => {
  const t = useTranslations('notifications');
  const [state, action, pending] = useActionState(markAllNotificationsReadAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="text-brand-600 rounded px-1 text-xs underline">
        {t('markAllRead')}
      </button>
      <FormError state={state} />
    </form>
  );
};
