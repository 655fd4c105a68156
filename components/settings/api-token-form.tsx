'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import type { ActionState } from '@/lib/actions/action';
import { buttonClass, Field, inputClass } from './fields';

type Props = { action: (previous: ActionState, formData: FormData) => Promise<ActionState> };

// Profile › Access token: name a new token and see its text, once, in a read-only field to copy.
export const ApiTokenForm = ({ action }: Props) => {
  const t = useTranslations('settings.profile.apiTokens');
  const tField = useTranslations('settings.fieldErrors');
  const [state, formAction, pending] = useActionState(action, {});
  const token = state.ok ? String(state.details?.token ?? '') : '';
  return (
    <form action={formAction} aria-busy={pending} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
      <Field label={t('name')} hint={t('nameHint')}>
        <input name="tokenName" required maxLength={100} autoComplete="off" className={inputClass} />
      </Field>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>{t('create')}</button>
      </div>
      {state.error === 'INVALID_INPUT' && state.field === 'tokenName' ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 sm:col-span-full">{tField('INVALID_INPUT.tokenName')}</p>
      ) : (
        <FormError state={state} />
      )}
      {token && (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm sm:col-span-full">
          <p className="mb-2 font-medium text-emerald-800">{t('createdTitle')}</p>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t('tokenLabel')}
            <input
              readOnly
              value={token}
              data-testid="new-api-token"
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} bg-white font-mono`}
            />
          </label>
        </div>
      )}
    </form>
  );
};
