import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import type { ConversationList } from '@/lib/domain/conversations/list/list-conversations';
import { listQueryToSearchParams, type TListQuery, type TListView } from '@/lib/domain/conversations/list/list-query';
import type { DomainError } from '@/lib/domain/errors';
import { listAgents } from '@/lib/domain/users/list-agents';
import { BulkActions } from './bulk-actions';
import { ConversationCards } from './conversation-cards';
import { FilterPanel } from './filter-panel';
import { ListControls } from './list-controls';
import { ListTabs } from './list-tabs';
import { SavedViewSettings } from './saved-view-settings';
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
  activeId: number | null;
  showFilter: boolean;
};

// The conversation list (green): search, status and sort, filter, tabs with counts, bulk actions
// and the cards.
export const ListPanel = async ({ ctx, view, title, query, list, error, activeId, showFilter }: Props) => {
  const [t, agents, teams, labels] = await Promise.all([getTranslations('list'), listAgents(ctx), readTeams(ctx), readLabels(ctx)]);
  const path = viewPath(view);
  const keep = listQueryToSearchParams({ ...query, cursor: undefined }, view).toString();
  const filterToggle = new URLSearchParams(keep);
  if (!showFilter) filterToggle.set('panel', 'filter');
  const conditions = query.filter?.conditions.length ?? 0;

  return (
    <>
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <SearchBox />
        <Link
          href={`${path}?${filterToggle}`}
          aria-expanded={showFilter}
          className="shrink-0 rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 aria-expanded:border-brand-500 aria-expanded:text-brand-700"
        >
          {conditions ? t('filter.buttonActive', { count: conditions }) : t('filter.button')}
        </Link>
      </div>
      {view.kind === 'saved' && <SavedViewSettings savedViewId={view.savedViewId} name={title} />}
      {showFilter ? (
        <FilterPanel ctx={ctx} view={view} query={query} agents={agents} teams={teams} labels={labels} />
      ) : (
        <>
          <ListControls path={path} view={view} query={query} />
          {error && (
            <p role="alert" className="mx-3 mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {t('invalidFilter')}
            </p>
          )}
          {list && <ListTabs view={view} query={query} counts={list.counts} />}
          <BulkActions
            formId="bulk-actions"
            agents={agents.map(({ id, name }) => ({ id, name }))}
            teams={teams}
            labels={labels.map((label) => ({ id: label.id, name: label.title }))}
          />
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
            activeId={activeId}
            now={new Date()}
            formId="bulk-actions"
          />
        </>
      )}
    </>
  );
};
