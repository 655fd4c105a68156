import { ALLOWED_OPERATORS, FIELD_KINDS, FILTER_FIELDS, type TFilterFieldKind, type TFilterOperator } from '@/lib/domain/conversations/filters/filter-schema';

// What the filter panel offers for each field: its kind (which operators and which value input)
// and, for fields with a fixed set of values, the options. Built on the server, used by the rows.
export type FilterFieldOption = {
  field: string;
  label: string;
  kind: TFilterFieldKind;
  operators: readonly TFilterOperator[];
  values?: Array<{ value: string; label: string }>;
};

export type FilterLookups = {
  inboxes: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  agents: Array<{ id: number; name: string }>;
  labels: Array<{ id: number; title: string }>;
  definitions: Array<{ model: 'conversation' | 'contact'; key: string; displayName: string; type: TFilterFieldKind; listValues: string[] }>;
};

type Translate = (key: string) => string;

const ids = (rows: Array<{ id: number; name: string }>) => rows.map((row) => ({ value: String(row.id), label: row.name }));

export const filterFieldOptions = (lookups: FilterLookups, t: Translate): FilterFieldOption[] => {
  const valuesFor: Partial<Record<(typeof FILTER_FIELDS)[number], FilterFieldOption['values']>> = {
    status: ['open', 'resolved', 'pending', 'snoozed'].map((value) => ({ value, label: t(`statuses.${value}`) })),
    priority: ['urgent', 'high', 'medium', 'low', 'none'].map((value) => ({ value, label: t(`priorities.${value}`) })),
    inbox: ids(lookups.inboxes),
    team: ids(lookups.teams),
    assignee: [{ value: 'me', label: t('me') }, ...ids(lookups.agents)],
    label: lookups.labels.map((label) => ({ value: String(label.id), label: label.title })),
  };
  const fixed = FILTER_FIELDS.map((field) => ({
    field,
    label: t(`fields.${field}`),
    kind: FIELD_KINDS[field],
    operators: ALLOWED_OPERATORS[FIELD_KINDS[field]],
    values: valuesFor[field],
  }));
  const attributes = lookups.definitions.map((definition) => ({
    field: `${definition.model}_attribute:${definition.key}`,
    label: `${definition.displayName} (${t(`models.${definition.model}`)})`,
    kind: definition.type,
    operators: ALLOWED_OPERATORS[definition.type],
    values:
      definition.type === 'list'
        ? definition.listValues.map((value) => ({ value, label: value }))
        : definition.type === 'checkbox'
          ? [{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }]
          : undefined,
  }));
  return [...fixed, ...attributes];
};
