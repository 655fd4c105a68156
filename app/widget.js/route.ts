import { createTranslator } from 'next-intl';
import { appOrigin, appOriginVary } from '@/lib/domain/channels/widget/app-origin';
import { LOADER_SOURCE } from '@/components/widget/loader-source';
import { locales } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';

export const dynamic = 'force-dynamic';

// GET /widget.js: the loader a website embeds (components/widget/loader-source.ts), with the app's
// origin and the launcher's labels in both languages (each from its own messages: the request's
// locale, the agent's or the browser's, must not leak into the other). Cached for five minutes.
export const GET = async (request: Request): Promise<Response> => {
  const labels = Object.fromEntries(
    await Promise.all(
      locales.map(async (locale) => {
        const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'widget' });
        return [locale, { open: t('open'), close: t('close'), title: t('messages') }];
      }),
    ),
  );
  const source = LOADER_SOURCE.replace('__ORIGIN__', JSON.stringify(appOrigin(request.headers, request.url))).replace('__LABELS__', JSON.stringify(labels));
  const headers = new Headers({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
  // The origin inside depends on these request headers: a shared cache must keep one copy per value.
  const vary = appOriginVary();
  if (vary) headers.set('Vary', vary);
  return new Response(source, { headers });
};
