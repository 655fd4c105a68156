import { getLocale, getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/actions/auth';
import type { Ctx } from '@/lib/domain/context';
import { readProfile } from '@/lib/request-reads';
import { SignOutMarker } from '@/components/realtime/sign-out-marker';
import { LanguageSwitcher } from './language-switcher';

// Who is signed in, their language, and sign out, at the foot of the views panel.
export const UserMenu = async ({ ctx }: { ctx: Ctx }) => {
  const [t, profile, locale] = await Promise.all([getTranslations('shell'), readProfile(ctx), getLocale()]);
  return (
    <div className="border-t border-slate-200 p-3 text-sm">
      <p className="truncate font-medium" data-testid="signed-in-user">
        {t('signedInAs', { name: profile.name })}
      </p>
      <p className="mb-2 text-xs text-slate-500">{t(`roles.${profile.role}`)}</p>
      <LanguageSwitcher current={locale === 'en' ? 'en' : 'es'} />
      <SignOutMarker />
      <form action={signOutAction} className="mt-2" data-sign-out="">
        <button type="submit" className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-left hover:bg-slate-50">
          {t('signOut')}
        </button>
      </form>
    </div>
  );
};
