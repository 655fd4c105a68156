import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { updateLocaleAction } from '@/lib/actions/auth';

// Two buttons, one per language; the agent's choice is stored and carried in the session. Rendered on
// the server: the form, its errors and its pending state are the app's ActionForm.
export const LanguageSwitcher = async ({ current }: { current: 'es' | 'en' }) => {
  const t = await getTranslations();
  return (
    <ActionForm action={updateLocaleAction}>
      <fieldset className="flex items-center gap-1">
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
    </ActionForm>
  );
};
