import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { THEME_COLOR } from '@/components/pwa/theme-color';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import './globals.css';

export const generateMetadata = async (): Promise<Metadata> => {
  const t = await getTranslations('app');
  return {
    title: { default: 'bandeja', template: '%s · bandeja' },
    description: t('tagline'),
    // app/manifest.ts is linked by Next.js; these are for browsers that read the head instead (iOS).
    icons: { icon: [{ url: '/favicon.ico', sizes: '48x48' }, { url: '/icons/icon.svg', type: 'image/svg+xml' }], apple: '/icons/apple-touch-icon.png' },
    appleWebApp: { capable: true, title: 'bandeja', statusBarStyle: 'default' },
  };
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: THEME_COLOR };

const RootLayout = async ({ children }: { children: React.ReactNode }) => {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="h-full bg-slate-50 text-slate-900 antialiased">
        <MessagesProvider scope="root">{children}</MessagesProvider>
      </body>
    </html>
  );
};

export default RootLayout;
