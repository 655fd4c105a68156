import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SetPasswordForm } from '@/components/settings/set-password-form';
import { getDb } from '@/db/client';
import { checkUserToken } from '@/lib/domain/users/check-user-token';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('setPassword'))('title') });

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The link of an invitation mail: the invitee chooses a password and is signed in. Public: the
// token is the only credential, checked here (to greet them) and consumed by the action.
const SetPasswordPage = async ({ searchParams }: Props) => {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const [t, invitee] = await Promise.all([getTranslations(), checkUserToken(await getDb(), { token, now: new Date() })]);
  return (
    <main className="flex min-h-full items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-brand-600 text-2xl font-bold tracking-tight">{t('app.name')}</p>
        <h1 className="mt-4 text-lg font-semibold">{t('setPassword.title')}</h1>
        {invitee ? (
          <>
            <p className="mb-4 text-sm text-slate-500">{t('setPassword.greeting', { name: invitee.name, email: invitee.email })}</p>
            <SetPasswordForm token={token} email={invitee.email} />
          </>
        ) : (
          <p role="alert" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t('setPassword.invalid')} <a href="/login" className="underline">{t('setPassword.toLogin')}</a>
          </p>
        )}
      </div>
    </main>
  );
};

export default SetPasswordPage;
