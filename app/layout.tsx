import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { pickClientMessages } from '@/lib/i18n/client-messages';
import './globals.css';

export const generateMetadata = async (): Promise<Metadata> => {
  const t = await getTranslations('app');
  return { title: { default: 'bandeja', template: '%s · bandeja' }, description: t('tagline') };
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

const RootLayout = async ({ children }: { children: React.ReactNode }) => {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="h-full bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider messages={pickClientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
};

export default RootLayout;
