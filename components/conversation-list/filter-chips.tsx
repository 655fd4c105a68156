import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import type { TConversationFilter } from '@/lib/domain/conversations/filters/filter-schema';
import type { TListQuery, TListView } from '@/lib/domain/conversations/list/list-query';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { filterFieldOptions } from './filter-fields';
import { ListStateLink } from './list-state-link';
import { listHref } from './view-path';

type Props = {
  ctx: Ctx;
  view: TListView;
  query: TListQuery & { filter: TConversationFilter };
  agents: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  labels: Array<{ id: number; title: string }>;
};

// The active filter's conditions as chips above the cards ("Bandeja es igual a Soporte ✕"): each
// ✕ is a link to the same list without that condition, so it works without JavaScript.
export const FilterChips = async ({ ctx, view, query, agents, teams, labels }: Props) => {
  const [t, inboxes, definitions] = await Promise.all([getTranslations('list.filter'), listInboxes(ctx), listAttributeDefinitions(ctx)]);
  const fields = filterFieldOptions(
    { inboxes, teams, agents, labels, definitions: definitions.map((definition) => ({ ...definition, listValues: definition.listValues ?? [] })) },
    (key) => t(key),
  );
  const { conditions, operator } = query.filter;
  const describe = (condition: TFilterCondition) => {
    const field = fields.find((option) => option.field === condition.field);
    const valueOf = (value: unknown) => field?.values?.find((option) => option.value === String(value))?.label ?? String(value);
    const value = condition.value === undefined || condition.value === null ? '' : Array.isArray(condition.value) ? condition.value.map(valueOf).join(', ') : valueOf(condition.value);
    return [field?.label ?? condition.field, t(`operators.${condition.op}`), value].filter(Boolean).join(' ');
  };
  return (
    <ul aria-label={t('active')} className="flex flex-wrap items-center gap-1 border-b border-slate-200 px-2 py-1.5 text-xs" data-testid="filter-chips">
      {conditions.map((condition, index) => {
        const rest = conditions.filter((_, other) => other !== index);
        const href = listHref(view, { ...query, cursor: undefined, filter: rest.length ? { operator, conditions: rest } : undefined });
        const text = describe(condition);
        return (
          <li key={index} className="flex max-w-full items-center gap-1 rounded-full border border-brand-100 bg-brand-50 py-0.5 pr-0.5 pl-2 text-brand-700">
            {index > 0 && <span className="font-semibold uppercase">{t(`joiner.${operator}`)}</span>}
            <span className="min-w-0 truncate" title={text}>{text}</span>
            <ListStateLink href={href} aria-label={t('removeChip', { condition: text })} title={t('removeChip', { condition: text })} className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full hover:bg-brand-100">
              ✕
            </ListStateLink>
          </li>
        );
      })}
    </ul>
  );
};

type TFilterCondition = TConversationFilter['conditions'][number];
