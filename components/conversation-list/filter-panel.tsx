import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import type { TListQuery, TListView } from '@/lib/domain/conversations/list/list-query';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { filterFieldOptions } from './filter-fields';
import { FilterForm } from './lazy';
import { viewPath } from './view-path';

type Props = {
  ctx: Ctx;
  view: TListView;
  query: TListQuery;
  agents: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  labels: Array<{ id: number; title: string }>;
};

// L4: the filter panel, in place of the cards: conditions on every field, AND / OR, apply, clear
// or save as a view.
export const FilterPanel = async ({ ctx, view, query, agents, teams, labels }: Props) => {
  const [t, inboxes, definitions] = await Promise.all([getTranslations('list.filter'), listInboxes(ctx), listAttributeDefinitions(ctx)]);
  const fields = filterFieldOptions(
    { inboxes, teams, agents, labels, definitions: definitions.map((definition) => ({ ...definition, listValues: definition.listValues ?? [] })) },
    (key) => t(key),
  );
  return (
    <FilterForm
      path={viewPath(view)}
      keep={{ tab: query.tab, status: query.status, sort: query.sort }}
      fields={fields}
      initial={query.filter ?? { operator: 'and', conditions: [] }}
    />
  );
};
