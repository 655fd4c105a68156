import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import './globals.css';

export const generateMetadata = async (): Promise<Metadata> => {
  const t = await getTranslations('app');
  return { title: { default: 'bandeja', template: '%s · bandeja' }, description: t('tagline') };
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

const RootLayout = async ({ children }: { children: React.ReactNode }) => {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="h-full bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
};

export default RootLayout;
