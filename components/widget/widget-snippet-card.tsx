import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/settings/fields';
import type { Inbox } from '@/db/schema';
import { widgetSnippet } from '@/lib/domain/channels/widget/app-origin';
import { widgetIdentitySecret } from '@/lib/domain/channels/widget/widget-session';

// Settings of a website inbox: the two lines to paste into the site, and the identity
// verification secret (administrators only see this page).
export const WidgetSnippetCard = async ({ inbox, origin }: { inbox: Pick<Inbox, 'identifier' | 'channelSettings'>; origin: string }) => {
  const t = await getTranslations('widget.settings');
  return (
    <Card id="widget-snippet" title={t('title')}>
      <p className="mb-2 text-sm text-slate-600">{t('hint')}</p>
      <pre className="mb-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100 select-all" tabIndex={0} aria-label={t('title')} data-testid="widget-snippet">
        <code>{widgetSnippet(origin, inbox.identifier)}</code>
      </pre>
      <p className="mb-4 text-xs text-slate-500">{t('copy')}</p>
      <h3 className="mb-1 text-sm font-semibold">{t('identityTitle')}</h3>
      <p className="mb-2 text-sm text-slate-600">{t('identityHint')}</p>
      <p className="text-sm">
        {t('secret')}: <code className="rounded bg-slate-100 px-1 break-all select-all">{widgetIdentitySecret(inbox)}</code>
      </p>
      <p className="mt-1 text-xs text-slate-500">{inbox.channelSettings.requireIdentityVerification ? t('required') : t('optional')}</p>
    </Card>
  );
};
