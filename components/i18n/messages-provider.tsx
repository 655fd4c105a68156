import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pickClientMessages, type MessageScope } from '@/lib/i18n/client-messages';

// The client components' messages of one part of the app (lib/i18n/client-messages.ts), for what it
// wraps; locale and time zone come from the request as everywhere.
export const MessagesProvider = async ({ scope, children }: { scope: MessageScope; children: React.ReactNode }) => (
  <NextIntlClientProvider messages={pickClientMessages(await getMessages(), scope)}>{children}</NextIntlClientProvider>
);
