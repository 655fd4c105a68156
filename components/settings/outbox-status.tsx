import { useTranslations } from 'next-intl';
import type { MailOutboxEntry } from '@/db/schema';

const COLORS: Record<MailOutboxEntry['status'], string> = {
  sent: 'bg-emerald-50 text-emerald-800',
  failed: 'bg-red-50 text-red-800',
  stored: 'bg-slate-100 text-slate-700',
  queued: 'bg-amber-50 text-amber-800',
};

// A mail's status as a small badge, coloured so failed mail stands out in the list.
export const OutboxStatus = ({ status }: { status: MailOutboxEntry['status'] }) => {
  const t = useTranslations('outbox.status');
  return <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${COLORS[status]}`}>{t(status)}</span>;
};

const KINDS = ['transcript', 'invitation', 'password_reset', 'reply'] as const;

// The translation key of a mail's kind; kinds added later read as plain "email".
export const outboxKindKey = (kind: string): `kind.${(typeof KINDS)[number] | 'other'}` =>
  `kind.${KINDS.find((known) => known === kind) ?? 'other'}`;
