import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { Card, ListCard } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { WebhookForm } from '@/components/settings/webhook-form';
import { requireCtx } from '@/lib/auth/session';
import { listApiInboxEndpoints } from '@/lib/domain/channels/api/client-api';
import { listEmailInboundEndpoints } from '@/lib/domain/email/email-inbound';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { listWebhooks } from '@/lib/domain/webhooks/manage-webhooks';

type Endpoint = { id: number; name: string; detail: string | null; path: string; secret: string };
type EndpointListProps = { id: string; title: string; description: string; empty: string; pathLabel: string; secretLabel: string; appUrl: string; endpoints: Endpoint[] };

// Where integrations reach an inbox (API inboxes' client API, email inboxes' inbound endpoint), with
// the secret that authenticates them, folded away until asked for.
const EndpointList = ({ id, title, description, empty, pathLabel, secretLabel, appUrl, endpoints }: EndpointListProps) => (
  <Card id={id} title={title} description={description}>
    {endpoints.length === 0 ? (
      <p className="text-sm text-slate-500">{empty}</p>
    ) : (
      <ul className="flex flex-col gap-3">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id} className="text-sm">
            <p className="font-medium">{endpoint.name}{endpoint.detail && <span className="font-normal text-slate-500"> · {endpoint.detail}</span>}</p>
            <p>
              {pathLabel}: <code className="break-all rounded bg-slate-100 px-1" data-testid={`${id}-${endpoint.id}`}>{appUrl}{endpoint.path}</code>
            </p>
            <details>
              <summary className="cursor-pointer text-slate-600">{secretLabel}</summary>
              <code className="break-all rounded bg-slate-100 px-1">{endpoint.secret}</code>
            </details>
          </li>
        ))}
      </ul>
    )}
  </Card>
);

// Administrators: the account's outbound webhooks (target, inbox, events, signing secret, link to
// the delivery log) and the inbound email endpoint of each email inbox.
const WebhooksSettingsPage = async () => {
  const [ctx, t] = await Promise.all([requireCtx(), getTranslations('webhooks')]);
  const admin = ctx.actor.role === 'administrator';
  const [webhooks, inboxes, endpoints, apiInboxes] = admin
    ? await Promise.all([listWebhooks(ctx), listInboxes(ctx), listEmailInboundEndpoints(ctx), listApiInboxEndpoints(ctx)])
    : [[], [], [], []];
  const appUrl = (process.env.APP_URL ?? '').replace(/\/$/, '');
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      <Card id="new-webhook" title={t('new')}>
        <WebhookForm inboxes={inboxes} />
        <p className="mt-3 text-xs text-slate-500">{t('signing')}</p>
        <p className="mt-1 text-xs text-slate-500">{t('retries')}</p>
      </Card>
      <ListCard id="webhook-list" title={t('existing', { count: webhooks.length })}>
        <ul>
          {webhooks.map((webhook) => (
            <li key={webhook.id} className="flex flex-col gap-3 border-b border-slate-100 p-4 last:border-0">
              <p className="text-sm">
                <span className="font-medium break-all">{webhook.url}</span>
                <span className="text-slate-500"> · {webhook.inboxName ?? t('wholeAccount')}</span>
              </p>
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600">{t('showSecret')}</summary>
                <p className="mt-1">
                  {t('secret')}: <code className="break-all rounded bg-slate-100 px-1">{webhook.secret}</code>
                </p>
              </details>
              <Link href={`/settings/webhooks/${webhook.id}`} className="self-start text-sm text-brand-600 underline">{t('deliveries')}</Link>
              <WebhookForm webhook={{ id: webhook.id, url: webhook.url, inboxId: webhook.inboxId, subscriptions: webhook.subscriptions }} inboxes={inboxes} />
            </li>
          ))}
        </ul>
      </ListCard>
      <EndpointList id="api-inboxes" title={t('apiTitle')} description={t('apiDescription')} empty={t('noApiInboxes')} pathLabel={t('apiBase')} secretLabel={t('apiSecret')} appUrl={appUrl} endpoints={apiInboxes} />
      <EndpointList id="email-inbound" title={t('emailTitle')} description={t('emailDescription')} empty={t('noEmailInboxes')} pathLabel={t('endpoint')} secretLabel={t('token')} appUrl={appUrl} endpoints={endpoints} />
    </SettingsPage>
  );
};

export default WebhooksSettingsPage;
