import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { WidgetChat, type WidgetStrings } from '@/components/widget/widget-chat';
import { loadWidgetInbox } from '@/lib/domain/channels/widget/widget-session';
import { isDomainError } from '@/lib/domain/errors';
import { isLocale, localeFromAcceptLanguage, type Locale } from '@/lib/i18n/locales';
import { browserRealtimeConfig } from '@/lib/realtime/client-config';

export const dynamic = 'force-dynamic';

type PageProps = { params: Promise<{ inboxIdentifier: string }>; searchParams: Promise<{ locale?: string }> };

const DEFAULT_COLOR = '#1f93ff';

const inboxOf = async (identifier: string) =>
  loadWidgetInbox(await getDb(), decodeURIComponent(identifier)).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });

export const generateMetadata = async ({ params }: PageProps): Promise<Metadata> => ({ title: (await inboxOf((await params).inboxIdentifier)).name, robots: { index: false } });

// The website widget's chat window, inside the iframe /widget.js adds to a site: server-rendered
// with the inbox's look and the visitor's language (?locale= from the loader, else the browser's),
// then components/widget/widget-chat.tsx runs the conversation.
const WidgetPage = async ({ params, searchParams }: PageProps) => {
  const [{ inboxIdentifier }, { locale: asked }] = await Promise.all([params, searchParams]);
  const inbox = await inboxOf(inboxIdentifier);
  const locale: Locale = isLocale(asked) ? asked : localeFromAcceptLanguage((await headers()).get('accept-language'));
  const t = await getTranslations({ locale, namespace: 'widget' });
  const keys = ['close', 'messages', 'empty', 'you', 'placeholder', 'send', 'attach', 'sending', 'failed', 'retry', 'offline', 'resolved', 'loadFailed', 'refused', 'rateLimited', 'tooLarge', 'verifiedVisitor', 'deleted'] as const;
  const askKeys = ['title', 'hint', 'name', 'email', 'save', 'skip', 'invalidEmail'] as const;
  const strings: WidgetStrings = {
    ...(Object.fromEntries(keys.map((key) => [key, t(key)])) as Record<(typeof keys)[number], string>),
    ask: Object.fromEntries(askKeys.map((key) => [key, t(`ask.${key}`)])) as Record<(typeof askKeys)[number], string>,
    // Filled in the browser: the name of who types, the visitor's name (the placeholder comes back as
    // itself; t.raw would hand over the build's precompiled form, next.config.mjs).
    typing: t('typing', { name: '{name}' }),
    removeFile: t('removeFile', { name: '{name}' }),
    saved: t('ask.saved', { name: '{name}' }),
  };
  const { channelSettings } = inbox;
  return (
    <div lang={locale} className="h-dvh">
      <WidgetChat
        inbox={{
          identifier: inbox.identifier,
          title: channelSettings.welcomeTitle || inbox.name,
          tagline: channelSettings.welcomeTagline || t('defaultTagline'),
          color: channelSettings.widgetColor || DEFAULT_COLOR,
        }}
        strings={strings}
        realtime={browserRealtimeConfig()}
      />
    </div>
  );
};

export default WidgetPage;
