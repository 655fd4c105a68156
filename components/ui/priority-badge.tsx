import { useTranslations } from 'next-intl';

const STYLES = {
  urgent: 'bg-red-100 text-red-800',
  high: 'bg-orange-100 text-orange-800',
  medium: 'bg-yellow-100 text-yellow-800',
  low: 'bg-slate-100 text-slate-700',
  none: 'bg-slate-50 text-slate-500',
} as const;

// A conversation's priority as a coloured badge with its translated name.
export const PriorityBadge = ({ priority }: { priority: keyof typeof STYLES }) => {
  const t = useTranslations('priority');
  return <span className={`shrink-0 rounded px-1.5 font-medium ${STYLES[priority]}`}>{t(priority)}</span>;
};
