import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { SettingsPage } from '@/components/settings/settings-page';
import { WebhookResendButton } from '@/components/settings/webhook-resend-button';
import { requireCtx } from '@/lib/auth/session';
import { isDomainError } from '@/lib/domain/errors';
import { listWebhookDeliveries, listWebhooks } from '@/lib/domain/webhooks/manage-webhooks';

type PageProps = { params: Promise<{ webhookId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATE_STYLE = { delivered: 'bg-emerald-50 text-emerald-800', pending: 'bg-slate-100 text-slate-700', retrying: 'bg-amber-50 text-amber-900', failed: 'bg-red-50 text-red-800' };

// Administrators: the delivery log of one webhook, newest first (status, attempts, response code,
// error, next attempt), with a resend per delivery; "older" pages keep everything in the URL.
const WebhookDeliveriesPage = async ({ params, searchParams }: PageProps) => {
  const [ctx, { webhookId }, search, t, format] = await Promise.all([requireCtx(), params, searchParams, getTranslations('webhooks'), getFormatter()]);
  const before = typeof search.before === 'string' ? search.before : undefined;
  if (ctx.actor.role !== 'administrator') return <SettingsPage ctx={ctx} title={t('deliveries')} description="">{null}</SettingsPage>;
  const webhook = (await listWebhooks(ctx)).find((row) => String(row.id) === webhookId);
  if (!webhook) notFound();
  const page = await listWebhookDeliveries(ctx, { webhookId, before }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'INVALID_INPUT') return listWebhookDeliveries(ctx, { webhookId });
    throw error;
  });
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'short', timeStyle: 'medium' }) : '—');
  return (
    <SettingsPage ctx={ctx} title={t('deliveries')} description={t('deliveriesOf', { url: webhook.url })}>
      <Link href="/settings/webhooks" className="self-start text-sm text-brand-600 underline">{t('back')}</Link>
      <section aria-labelledby="delivery-list" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="delivery-list" className="sr-only">{t('deliveries')}</h2>
        {page.deliveries.length === 0 ? (
          <p className="p-6 text-center text-sm text-slate-500">{t('noDeliveries')}</p>
        ) : (
          <ul>
            {page.deliveries.map((delivery) => (
              <li key={delivery.id} className="flex flex-col gap-1 border-b border-slate-100 p-3 text-sm last:border-0 sm:p-4">
                <p className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[delivery.state]}`}>{t(`state.${delivery.state}`)}</span>
                  <code className="text-xs">{delivery.event}</code>
                  <span className="text-slate-500">#{delivery.id}</span>
                </p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600">
                  <dt>{t('createdAt')}</dt>
                  <dd>{when(delivery.createdAt)}</dd>
                  <dt>{t('response')}</dt>
                  <dd>{delivery.responseStatus ?? '—'} · {t('attempts', { count: delivery.attempts })}</dd>
                  {delivery.error && (
                    <>
                      <dt>{t('error')}</dt>
                      <dd className="break-all text-red-700">{delivery.error}</dd>
                    </>
                  )}
                  {delivery.state === 'retrying' && (
                    <>
                      <dt>{t('nextAttempt')}</dt>
                      <dd>{when(delivery.nextAttemptAt)}</dd>
                    </>
                  )}
                </dl>
                <WebhookResendButton deliveryId={delivery.id} />
              </li>
            ))}
          </ul>
        )}
        <nav className="flex gap-4 border-t border-slate-200 p-3 text-sm">
          {before && <Link href={`/settings/webhooks/${webhook.id}`} className="text-brand-600 underline">{t('newest')}</Link>}
          {page.nextBefore && <Link href={`/settings/webhooks/${webhook.id}?before=${page.nextBefore}`} className="text-brand-600 underline">{t('older')}</Link>}
        </nav>
      </section>
    </SettingsPage>
  );
};

export default WebhookDeliveriesPage;
