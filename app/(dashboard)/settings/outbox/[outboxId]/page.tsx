import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { OutboxRetryButton } from '@/components/settings/outbox-retry-button';
import { OutboxStatus, outboxKindKey } from '@/components/settings/outbox-status';
import { SettingsPage } from '@/components/settings/settings-page';
import { requireCtx } from '@/lib/auth/session';
import { isDomainError } from '@/lib/domain/errors';
import { getOutboxEntry } from '@/lib/domain/mail/get-outbox-entry';

type PageProps = { params: Promise<{ outboxId: string }> };

// One mail of the outbox as it was sent: subject, recipients, status, error and attempts, the text
// version, and the HTML version in a sandboxed frame (no scripts, no access to the app, whatever
// the mail holds); a failed one can be sent again.
const OutboxEntryPage = async ({ params }: PageProps) => {
  const [ctx, { outboxId }, t, format] = await Promise.all([requireCtx(), params, getTranslations('outbox'), getFormatter()]);
  const entry =
    ctx.actor.role === 'administrator'
      ? await getOutboxEntry(ctx, { outboxId }).catch((error: unknown) => {
          if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
          throw error;
        })
      : null;
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <SettingsPage ctx={ctx} title={entry?.subject ?? t('title')} description={entry ? t(outboxKindKey(entry.kind)) : t('description')}>
      <Link href="/settings/outbox" className="self-start text-sm text-brand-600 underline">← {t('back')}</Link>
      {entry && (
        <>
          <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex items-start justify-between gap-2">
              <h2 className="min-w-0 font-semibold break-words">{entry.subject}</h2>
              <OutboxStatus status={entry.status} />
            </div>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-medium text-slate-500">{t('to')}</dt>
              <dd className="break-all">{entry.toAddresses.join(', ')}</dd>
              <dt className="font-medium text-slate-500">{t('sentBy')}</dt>
              <dd>{entry.sentByName ?? t('system')}</dd>
              <dt className="font-medium text-slate-500">{t('createdAt')}</dt>
              <dd>{when(entry.createdAt)}</dd>
              {entry.sentAt && (
                <>
                  <dt className="font-medium text-slate-500">{t('sentAt')}</dt>
                  <dd>{when(entry.sentAt)}</dd>
                </>
              )}
              <dt className="font-medium text-slate-500">{t('attemptsLabel')}</dt>
              <dd>{entry.attempts}</dd>
              {entry.error && (
                <>
                  <dt className="font-medium text-slate-500">{t('error')}</dt>
                  <dd className="break-words text-red-700">{entry.error}</dd>
                </>
              )}
            </dl>
            <OutboxRetryButton outboxId={entry.id} canRetry={entry.status === 'failed'} />
          </section>
          <section aria-labelledby="outbox-html" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="outbox-html" className="font-semibold">{t('htmlVersion')}</h2>
            {/* An empty sandbox: no scripts, no forms, no same-origin access, whatever the HTML holds. */}
            <iframe sandbox="" srcDoc={entry.html} title={t('htmlFrame')} className="h-[28rem] w-full rounded border border-slate-200 bg-white" />
          </section>
          <section aria-labelledby="outbox-text" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="outbox-text" className="font-semibold">{t('textVersion')}</h2>
            <pre className="overflow-x-auto font-sans text-sm break-words whitespace-pre-wrap">{entry.text}</pre>
          </section>
        </>
      )}
    </SettingsPage>
  );
};

export default OutboxEntryPage;
