import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SettingsPage } from '@/components/settings/settings-page';
import { WebhookForm } from '@/components/settings/webhook-form';
import { requireCtx } from '@/lib/auth/session';
import { listApiInboxEndpoints } from '@/lib/domain/channels/api/client-api';
import { listEmailInboundEndpoints } from '@/lib/domain/email/email-inbound';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { listWebhooks } from '@/lib/domain/webhooks/manage-webhooks';

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
      <section aria-labelledby="new-webhook" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-webhook" className="mb-3 font-semibold">{t('new')}</h2>
        <WebhookForm inboxes={inboxes} />
        <p className="mt-3 text-xs text-slate-500">{t('signing')}</p>
        <p className="mt-1 text-xs text-slate-500">{t('retries')}</p>
      </section>
      <section aria-labelledby="webhook-list" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="webhook-list" className="border-b border-slate-200 p-4 font-semibold">{t('existing', { count: webhooks.length })}</h2>
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
      </section>
      <section aria-labelledby="api-inboxes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="api-inboxes" className="mb-1 font-semibold">{t('apiTitle')}</h2>
        <p className="mb-3 text-sm text-slate-500">{t('apiDescription')}</p>
        {apiInboxes.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noApiInboxes')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {apiInboxes.map((inbox) => (
              <li key={inbox.id} className="text-sm">
                <p className="font-medium">{inbox.name}</p>
                <p>
                  {t('apiBase')}: <code className="break-all rounded bg-slate-100 px-1" data-testid={`api-inbox-${inbox.id}`}>{appUrl}{inbox.path}</code>
                </p>
                <details>
                  <summary className="cursor-pointer text-slate-600">{t('apiSecret')}</summary>
                  <code className="break-all rounded bg-slate-100 px-1">{inbox.secret}</code>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="email-inbound" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="email-inbound" className="mb-1 font-semibold">{t('emailTitle')}</h2>
        <p className="mb-3 text-sm text-slate-500">{t('emailDescription')}</p>
        {endpoints.length === 0 ? (
          <p className="text-sm text-slate-500">{t('noEmailInboxes')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="text-sm">
                <p className="font-medium">{endpoint.name}{endpoint.emailAddress && <span className="font-normal text-slate-500"> · {endpoint.emailAddress}</span>}</p>
                <p>{t('endpoint')}: <code className="break-all rounded bg-slate-100 px-1">{appUrl}{endpoint.path}</code></p>
                <details>
                  <summary className="cursor-pointer text-slate-600">{t('token')}</summary>
                  <code className="break-all rounded bg-slate-100 px-1">{endpoint.token}</code>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
    </SettingsPage>
  );
};

export default WebhooksSettingsPage;
