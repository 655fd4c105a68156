import { z } from 'zod';
import { filterValueSchema } from './filter-values';
import { ATTRIBUTE_FIELD_PATTERN } from './parse-attribute-field';

// The L4 filter language. A filter is a flat list of conditions joined by ONE operator (and / or):
// no per-condition operators, so there is no precedence to get wrong, and the whole filter is always
// one parenthesised condition that the list ANDs with the authorization scope (it can only narrow).

export const FILTER_OPERATORS = [
  'equal',
  'not_equal',
  'contains',
  'not_contains',
  'present',
  'not_present',
  'greater_than',
  'less_than',
  'before',
  'after',
  'last_n_days',
] as const;
export type TFilterOperator = (typeof FILTER_OPERATORS)[number];

// The negative operators are built as NOT of their positive twin, in one place (build-filter), so
// "not equal" always includes the rows where the value is missing (unassigned, no team, no attribute).
export type TPositiveOperator = Exclude<TFilterOperator, 'not_equal' | 'not_contains' | 'not_present'>;
export const POSITIVE_OF: Record<TFilterOperator, TPositiveOperator> = {
  equal: 'equal',
  not_equal: 'equal',
  contains: 'contains',
  not_contains: 'contains',
  present: 'present',
  not_present: 'present',
  greater_than: 'greater_than',
  less_than: 'less_than',
  before: 'before',
  after: 'after',
  last_n_days: 'last_n_days',
};

// Fields with a fixed meaning. Custom attributes are written `conversation_attribute:<key>` or
// `contact_attribute:<key>` (a plain string, so a filter stays easy to carry in a URL).
export const FILTER_FIELDS = [
  'status',
  'assignee',
  'inbox',
  'team',
  'priority',
  'label',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_identifier',
  'contact_company',
  'contact_country',
  'contact_city',
  'created_at',
  'last_activity_at',
] as const;
export type TFilterField = (typeof FILTER_FIELDS)[number];

// What kind of value a field holds; custom attributes take their definition's type.
export type TFilterFieldKind =
  | 'status'
  | 'priority'
  | 'assignee'
  | 'inbox'
  | 'team'
  | 'label'
  | 'contact_text'
  | 'timestamp'
  | 'text'
  | 'link'
  | 'number'
  | 'date'
  | 'list'
  | 'checkbox';

export const FIELD_KINDS: Record<TFilterField, TFilterFieldKind> = {
  status: 'status',
  assignee: 'assignee',
  inbox: 'inbox',
  team: 'team',
  priority: 'priority',
  label: 'label',
  contact_name: 'contact_text',
  contact_email: 'contact_text',
  contact_phone: 'contact_text',
  contact_identifier: 'contact_text',
  contact_company: 'contact_text',
  contact_country: 'contact_text',
  contact_city: 'contact_text',
  created_at: 'timestamp',
  last_activity_at: 'timestamp',
};

// THE table of allowed (field kind, operator) pairs: anything not listed is refused as
// 'unsupported_operator' before any SQL is built.
export const ALLOWED_OPERATORS: Record<TFilterFieldKind, readonly TFilterOperator[]> = {
  status: ['equal', 'not_equal'],
  priority: ['equal', 'not_equal'],
  inbox: ['equal', 'not_equal'],
  assignee: ['equal', 'not_equal', 'present', 'not_present'],
  team: ['equal', 'not_equal', 'present', 'not_present'],
  label: ['equal', 'not_equal', 'present', 'not_present'],
  contact_text: ['equal', 'not_equal', 'contains', 'not_contains', 'present', 'not_present'],
  timestamp: ['before', 'after', 'last_n_days'],
  text: ['equal', 'not_equal', 'contains', 'not_contains', 'present', 'not_present'],
  link: ['equal', 'not_equal', 'contains', 'not_contains', 'present', 'not_present'],
  number: ['equal', 'not_equal', 'greater_than', 'less_than', 'present', 'not_present'],
  date: ['equal', 'not_equal', 'before', 'after', 'last_n_days', 'present', 'not_present'],
  list: ['equal', 'not_equal', 'present', 'not_present'],
  checkbox: ['equal', 'not_equal', 'present', 'not_present'],
};

// Reason codes of a refused filter, for the UI to translate (errors.INVALID_INPUT + reason).
export type TFilterErrorReason =
  | 'invalid_json'
  | 'invalid_filter'
  | 'too_many_conditions'
  | 'unknown_field'
  | 'unsupported_operator'
  | 'invalid_value'
  | 'unknown_value';

export const MAX_FILTER_CONDITIONS = 10;

// Control characters never belong in a filter (and NUL would make PostgreSQL reject the parameter).
const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const ZFilterField = z.union([
  z.enum(FILTER_FIELDS),
  z.string().regex(ATTRIBUTE_FIELD_PATTERN).refine(noControlCharacters),
]);

const ZScalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const ZFilterCondition = z.strictObject({
  field: ZFilterField,
  op: z.enum(FILTER_OPERATORS),
  value: z.union([ZScalar, z.null(), z.array(z.union([z.string().max(500), z.number()])).min(1).max(50)]).optional(),
});
export type TFilterCondition = z.infer<typeof ZFilterCondition>;

// The filter as the list, the URL and saved views carry it. Fixed fields are fully checked here
// (operator and value); custom attributes need the account's definitions, so buildFilterCondition
// checks them.
export const ZConversationFilter = z
  .strictObject({
    operator: z.enum(['and', 'or']),
    conditions: z.array(ZFilterCondition).min(1).max(MAX_FILTER_CONDITIONS),
  })
  .superRefine((filter, ctx) => {
    // Zod still runs this refinement when some condition failed its own checks: look only at
    // conditions whose field and operator are known.
    if (!Array.isArray(filter.conditions)) return;
    filter.conditions.forEach((condition, index) => {
      if (typeof condition !== 'object' || condition === null || !Object.hasOwn(FIELD_KINDS, condition.field)) return;
      const kind = FIELD_KINDS[condition.field as TFilterField];
      if (!(FILTER_OPERATORS as readonly string[]).includes(condition.op)) return;
      if (!ALLOWED_OPERATORS[kind].includes(condition.op)) {
        ctx.addIssue({ code: 'custom', path: ['conditions', index, 'op'], message: 'unsupported_operator', params: { reason: 'unsupported_operator' } });
      } else if (!filterValueSchema(kind, condition.op).safeParse(condition.value).success) {
        ctx.addIssue({ code: 'custom', path: ['conditions', index, 'value'], message: 'invalid_value', params: { reason: 'invalid_value' } });
      }
    });
  });
export type TConversationFilter = z.infer<typeof ZConversationFilter>;
