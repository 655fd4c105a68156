'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { setPasswordAction } from '@/lib/actions/settings-password';

const input = 'w-full rounded-md border border-slate-300 px-3 py-2';

// Choose a password (twice) for an invitation link; the action signs in afterwards.
export const SetPasswordForm = ({ token, email }: { token: string; email: string }) => {
  const t = useTranslations('setPassword');
  const [state, action, pending] = useActionState(setPasswordAction, {});
  const mismatch = state.error === 'INVALID_INPUT' && state.details?.field === 'confirmPassword';
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password with the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('password')}
        <input name="password" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" className={input} />
        <span className="text-xs font-normal text-slate-500">{t('hint')}</span>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('confirm')}
        <input name="confirmPassword" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" className={input} />
      </label>
      {mismatch ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t('mismatch')}</p> : <FormError state={state} />}
      {state.ok && (
        <p role="status" className="text-sm text-emerald-700">
          {t('done')} <a href="/login" className="underline">{t('toLogin')}</a>
        </p>
      )}
      <button type="submit" disabled={pending} className="bg-brand-500 hover:bg-brand-600 rounded-md px-3 py-2 font-medium text-white">
        {t('submit')}
      </button>
    </form>
  );
};
