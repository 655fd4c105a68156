'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import type { ActionState } from '@/lib/actions/action';

type Props = {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  children: React.ReactNode;
  className?: string;
  // Asked with window.confirm before submitting (with JS; without it the form posts at once).
  confirm?: string;
  // Shown once the action succeeded.
  saved?: string;
  'aria-label'?: string;
};

// A form posted to a server action, with or without JavaScript (settings, a notification's buttons):
// its server-rendered children are the fields. Errors are translated by code; a CONFLICT or
// INVALID_INPUT naming a field settings explains (settings.fieldErrors) says so.
export const ActionForm = ({ action, children, className, confirm, saved, ...rest }: Props) => {
  const t = useTranslations('settings.fieldErrors');
  const [state, formAction, pending] = useActionState(action, {});
  const field = String(state.details?.field ?? state.field ?? '');
  const specific = state.error && field && t.has(`${state.error}.${field}`) ? t(`${state.error}.${field}`) : null;
  return (
    <form
      action={formAction}
      aria-label={rest['aria-label']}
      aria-busy={pending}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {/* Disabled while the action runs: a second click posts nothing twice. */}
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {specific ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 sm:col-span-full">{specific}</p>
      ) : (
        <FormError state={state} />
      )}
      {state.ok && saved && <p role="status" className="text-sm text-emerald-700 sm:col-span-full">{saved}</p>}
    </form>
  );
};
