import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LoginForm } from '@/components/auth/login-form';
import { ServiceWorkerRegistration } from '@/components/pwa/service-worker';
import { currentActor } from '@/lib/auth/session';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations('login'))('title') });

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

const LoginPage = async ({ searchParams }: Props) => {
  if (await currentActor()) redirect('/');
  const { callbackUrl } = await searchParams;
  const t = await getTranslations();
  return (
    <main className="flex min-h-full items-center justify-center p-4">
      <ServiceWorkerRegistration signedIn={false} />
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-brand-600 text-2xl font-bold tracking-tight">{t('app.name')}</p>
        <p className="mb-6 text-sm text-slate-500">{t('app.tagline')}</p>
        <h1 className="text-lg font-semibold">{t('login.title')}</h1>
        <p className="mb-4 text-sm text-slate-500">{t('login.subtitle')}</p>
        <LoginForm callbackUrl={callbackUrl} />
        <p className="mt-6 text-xs text-slate-500">{t('login.demoHint')}</p>
      </div>
    </main>
  );
};

export default LoginPage;
