import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { currentSession } from '@/lib/auth/session';
import { localeFromAcceptLanguage } from './locales';
import { loadMessages } from './messages';

// The agent's stored language once signed in (carried in the session), else the browser's.
export default getRequestConfig(async () => {
  const session = await currentSession();
  const locale = session?.user?.locale ?? localeFromAcceptLanguage((await headers()).get('accept-language'));
  const messages = await loadMessages(locale);
  return { locale, messages, timeZone: 'America/Mexico_City' };
});
