'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { updateLocaleAction } from '@/lib/actions/auth';
import { FormError } from '@/components/ui/form-error';

// Two buttons, one per language; the agent's choice is stored and carried in the session.
export const LanguageSwitcher = ({ current }: { current: 'es' | 'en' }) => {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateLocaleAction, {});
  return (
    <form action={action}>
      <fieldset className="flex items-center gap-1" disabled={pending}>
        <legend className="sr-only">{t('shell.language')}</legend>
        {(['es', 'en'] as const).map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={current === locale}
            className="flex-1 rounded-md border border-slate-300 px-2 py-1 text-xs aria-pressed:border-brand-500 aria-pressed:bg-brand-50 aria-pressed:text-brand-700"
          >
            {t(`languages.${locale}`)}
          </button>
        ))}
      </fieldset>
      <FormError state={state} />
    </form>
  );
};
