import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import type { ConversationList } from '@/lib/domain/conversations/list/list-conversations';
import { listQueryToSearchParams, type TListQuery, type TListView } from '@/lib/domain/conversations/list/list-query';
import type { DomainError } from '@/lib/domain/errors';
import { listAgents } from '@/lib/domain/users/list-agents';
import { BulkActionRows } from './bulk-action-rows';
import { BulkActions } from './bulk-actions';
import { ConversationCards } from './conversation-cards';
import { FilterChips } from './filter-chips';
import { FilterPanel } from './filter-panel';
import { ListControls } from './list-controls';
import { ListTabs } from './list-tabs';
import { SavedViewSettings } from './lazy';
import { SearchBox } from './search-box';
import { listHref, viewPath } from './view-path';
import { readLabels, readTeams } from '@/lib/request-reads';

type Props = {
  ctx: Ctx;
  view: TListView;
  title: string;
  query: TListQuery;
  list: ConversationList | null;
  error?: DomainError;
  showFilter: boolean;
};

// The conversation list (green), dense so a 1280×800 screen shows nine cards or more: one toolbar
// row (search, status, sort, filter), the active filter's conditions as removable chips, tabs with
// counts, bulk actions (only while a card is selected) and the cards.
export const ListPanel = async ({ ctx, view, title, query, list, error, showFilter }: Props) => {
  const [t, agents, teams, labels] = await Promise.all([getTranslations('list'), listAgents(ctx), readTeams(ctx), readLabels(ctx)]);
  const path = viewPath(view);
  const keep = listQueryToSearchParams({ ...query, cursor: undefined }, view).toString();
  const filterToggle = new URLSearchParams(keep);
  if (!showFilter) filterToggle.set('panel', 'filter');
  const conditions = query.filter?.conditions.length ?? 0;

  return (
    <>
      <div className="flex items-center gap-1.5 border-b border-slate-200 px-2 py-1.5">
        <SearchBox />
        {!showFilter && <ListControls path={path} view={view} query={query} />}
        <Link
          href={`${path}?${filterToggle}`}
          aria-expanded={showFilter}
          aria-label={conditions ? t('filter.buttonActive', { count: conditions }) : t('filter.button')}
          title={conditions ? t('filter.buttonActive', { count: conditions }) : t('filter.button')}
          className="relative flex h-8 w-8 shrink-0 items-center justify-center rounded-md border border-slate-300 text-slate-600 hover:bg-slate-50 aria-expanded:border-brand-500 aria-expanded:text-brand-700"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round"><path d="M3 4h14l-5.5 6.5V16l-3-1.5v-4z" /></svg>
          {conditions > 0 && (
            <span aria-hidden className="absolute -top-1.5 -right-1.5 min-w-4 rounded-full bg-brand-500 px-1 text-center text-[10px] leading-4 font-semibold text-white">{conditions}</span>
          )}
        </Link>
      </div>
      {!showFilter && query.filter && conditions > 0 && (
        <FilterChips ctx={ctx} view={view} query={{ ...query, filter: query.filter }} agents={agents} teams={teams} labels={labels} />
      )}
      {view.kind === 'saved' && <SavedViewSettings savedViewId={view.savedViewId} name={title} />}
      {showFilter ? (
        <FilterPanel ctx={ctx} view={view} query={query} agents={agents} teams={teams} labels={labels} />
      ) : (
        <>
          {error && (
            <p role="alert" className="mx-3 mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {t('invalidFilter')}
            </p>
          )}
          {list && <ListTabs view={view} query={query} counts={list.counts} />}
          <BulkActions formId="bulk-actions">
            <BulkActionRows agents={agents} teams={teams} labels={labels.map((label) => ({ id: label.id, name: label.title }))} />
          </BulkActions>
          <ConversationCards
            // A new view, tab, status, sort or filter is a new list: start it afresh.
            key={`${path}?${keep}`}
            view={view}
            query={query}
            initial={list?.items ?? []}
            initialCursor={list?.nextCursor ?? null}
            basePath={path}
            search={keep ? `?${keep}` : ''}
            loadMoreHref={list?.nextCursor ? `${listHref(view, query)}${keep ? '&' : '?'}cursor=${encodeURIComponent(list.nextCursor)}` : null}
            now={new Date()}
            formId="bulk-actions"
          />
        </>
      )}
    </>
  );
};
