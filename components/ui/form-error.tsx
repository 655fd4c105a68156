'use client';

import { useTranslations } from 'next-intl';
import type { ActionState } from '@/lib/actions/action';

// The translated message of an action's error code, announced to screen readers.
export const FormError = ({ state }: { state: ActionState }) => {
  const t = useTranslations('errors');
  if (!state.error) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {t(state.error, state.details ?? {})}
    </p>
  );
};
