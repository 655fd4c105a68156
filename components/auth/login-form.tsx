'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signInAction } from '@/lib/actions/auth';
import { FormError } from '@/components/ui/form-error';

// Email and password form; works as a plain form post without JavaScript too.
export const LoginForm = ({ callbackUrl }: { callbackUrl?: string }) => {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/all'} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('email')}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="focus:border-brand-500 rounded-md border border-slate-300 px-3 py-2 text-base font-normal"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="focus:border-brand-500 rounded-md border border-slate-300 px-3 py-2 text-base font-normal"
        />
      </label>
      <FormError state={state} />
      <button
        type="submit"
        disabled={pending}
        className="bg-brand-500 hover:bg-brand-600 rounded-md px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
};
