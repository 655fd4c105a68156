import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { TabCounts } from '@/lib/domain/conversations/list/count-tabs';
import type { TListQuery, TListView } from '@/lib/domain/conversations/list/list-query';
import { TabCount } from './tab-count';
import { listHref } from './view-path';

const TABS = ['mine', 'unassigned', 'all'] as const;

// L5: "Mías" / "Sin asignar" / "Todos", each with its count after every other filter.
export const ListTabs = async ({ view, query, counts }: { view: TListView; query: TListQuery; counts: TabCounts }) => {
  const t = await getTranslations('list.tabs');
  return (
    <nav aria-label={t('label')} className="flex overflow-x-auto border-b border-slate-200 px-1 text-sm sm:px-2">
      {TABS.map((tab) => (
        <Link
          key={tab}
          href={listHref(view, { ...query, tab })}
          aria-current={query.tab === tab ? 'page' : undefined}
          className="flex shrink-0 items-center gap-1 whitespace-nowrap border-b-2 border-transparent px-1.5 py-1.5 text-slate-600 sm:gap-1.5 sm:px-3 hover:text-slate-900 aria-[current=page]:border-brand-500 aria-[current=page]:font-medium aria-[current=page]:text-brand-700"
        >
          {t(tab)}
          <TabCount count={counts[tab]} />
        </Link>
      ))}
    </nav>
  );
};
