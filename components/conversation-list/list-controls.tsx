import { getTranslations } from 'next-intl/server';
import { AutoSubmitSelect } from '@/components/ui/auto-submit-select';
import { listQueryToSearchParams, type TListQuery, type TListView } from '@/lib/domain/conversations/list/list-query';

const STATUSES = ['open', 'resolved', 'pending', 'snoozed', 'all'] as const;
const SORTS = ['recent', 'created', 'priority', 'waiting'] as const;

// L2 status and L3 sort, compact, in the list's toolbar row beside the search: a GET form, so the
// state stays in the URL; it submits on change with JavaScript and through its button without.
export const ListControls = async ({ path, view, query }: { path: string; view: TListView; query: TListQuery }) => {
  const t = await getTranslations('list');
  const kept = listQueryToSearchParams({ tab: query.tab, filter: query.filter }, view);
  return (
    <form action={path} method="get" className="flex shrink-0 items-center gap-1 text-xs">
      {[...kept].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="flex items-center">
        <span className="sr-only">{t('status.label')}</span>
        <AutoSubmitSelect name="status" defaultValue={query.status} className="h-8 max-w-28 rounded-md border border-slate-300 bg-white px-1">
          {STATUSES.map((status) => (
            <option key={status} value={status}>{t(`status.${status}`)}</option>
          ))}
        </AutoSubmitSelect>
      </label>
      <label className="flex items-center">
        <span className="sr-only">{t('sort.label')}</span>
        <AutoSubmitSelect name="sort" defaultValue={query.sort} className="h-8 max-w-28 rounded-md border border-slate-300 bg-white px-1">
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>{t(`sort.${sort}`)}</option>
          ))}
        </AutoSubmitSelect>
      </label>
      <noscript>
        <button type="submit" className="h-8 rounded-md border border-slate-300 px-2">{t('apply')}</button>
      </noscript>
    </form>
  );
};
