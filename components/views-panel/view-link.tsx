'use client';

import { Link } from '@/components/ui/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

type Props = { href: string; count?: number | null; icon?: React.ReactNode; children: React.ReactNode };

// A views-panel entry with its count of open conversations, highlighted while its view (or a
// conversation inside it) is open.
export const ViewLink = ({ href, count, icon, children }: Props) => {
  const pathname = usePathname();
  const t = useTranslations('views');
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      // The command palette offers every view of the panel by this name.
      data-view-link={typeof children === 'string' ? children : undefined}
      className="flex items-center gap-2 rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
    >
      {icon}
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {count != null && count > 0 && (
        <span className="rounded-full bg-slate-100 px-1.5 text-xs text-slate-600 tabular-nums" aria-label={t('openCount', { count })}>
          {count}
        </span>
      )}
    </Link>
  );
};
