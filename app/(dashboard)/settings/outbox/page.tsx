import { getTranslations } from 'next-intl/server';
import { OUTBOX_FILTERS, OutboxList, type OutboxFilter } from '@/components/settings/outbox-list';
import { SettingsPage } from '@/components/settings/settings-page';
import { requireCtx } from '@/lib/auth/session';
import { isDomainError } from '@/lib/domain/errors';
import { listOutbox } from '@/lib/domain/mail/list-outbox';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Administrators read every email the app sent (or, with no Resend key, kept): newest first,
// filtered by status, failed ones retried from the mail's page.
const OutboxSettingsPage = async ({ searchParams }: PageProps) => {
  const [ctx, search, t] = await Promise.all([requireCtx(), searchParams, getTranslations('outbox')]);
  const requested = one(search.status);
  const filter: OutboxFilter = OUTBOX_FILTERS.find((option) => option === requested) ?? 'all';
  const cursor = one(search.cursor);

  const load = async () => {
    if (ctx.actor.role !== 'administrator') return null;
    const status = filter === 'all' ? undefined : filter;
    try {
      return await listOutbox(ctx, { status, cursor });
    } catch (error) {
      // A stale or edited cursor: start again from the newest.
      if (isDomainError(error) && error.code === 'INVALID_INPUT') return listOutbox(ctx, { status });
      throw error;
    }
  };
  const page = await load();

  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      {page && <OutboxList items={page.items} nextCursor={page.nextCursor} filter={filter} paged={Boolean(cursor)} />}
    </SettingsPage>
  );
};

export default OutboxSettingsPage;
