import { z } from 'zod';
import type { TConversationFilter, TFilterCondition } from '@/lib/domain/conversations/filters/filter-schema';
import { validateFilter } from '@/lib/domain/conversations/filters/validate-filter';
import type { Ctx } from '@/lib/domain/context';
import { DomainError } from '@/lib/domain/errors';
import { listLabels } from '@/lib/domain/labels/list-labels';

// Chatwoot's filter payload (POST …/conversations/filter and …/contacts/filter).
export const ZChatwootFilterPayload = z.object({
  payload: z
    .array(
      z.object({
        attribute_key: z.string().min(1).max(120),
        filter_operator: z.string().min(1).max(40),
        values: z.union([z.array(z.union([z.string().max(500), z.number(), z.boolean()])).max(50), z.string().max(500), z.number(), z.boolean()]).optional(),
        query_operator: z.string().max(10).nullish(),
      }),
    )
    .min(1)
    .max(10),
});
export type TChatwootFilterPayload = z.infer<typeof ZChatwootFilterPayload>;

// Chatwoot's attribute keys → the filter panel's (L4) fields. Anything else is a custom attribute
// key of the conversation (or, with `contact_` in front is not needed: Chatwoot names contact
// attributes by their own key and the `attribute_model` of their definition).
const FIELDS: Record<string, string> = {
  status: 'status',
  assignee_id: 'assignee',
  inbox_id: 'inbox',
  team_id: 'team',
  priority: 'priority',
  labels: 'label',
  name: 'contact_name',
  email: 'contact_email',
  phone_number: 'contact_phone',
  identifier: 'contact_identifier',
  company: 'contact_company',
  // Chatwoot's country_code: our contacts keep one free-text `country` (what the contact form and
  // the API's additional_attributes.country store); this key filters that column.
  country_code: 'contact_country',
  city: 'contact_city',
  created_at: 'created_at',
  last_activity_at: 'last_activity_at',
};

const DATE_FIELDS = new Set(['created_at', 'last_activity_at']);

// Chatwoot's operators → ours. Greater/less on a date field mean after/before.
const operatorFor = (operator: string, field: string): TFilterCondition['op'] | null => {
  switch (operator) {
    case 'equal_to':
      return 'equal';
    case 'not_equal_to':
      return 'not_equal';
    case 'contains':
      return 'contains';
    case 'does_not_contain':
      return 'not_contains';
    case 'is_present':
      return 'present';
    case 'is_not_present':
      return 'not_present';
    case 'is_greater_than':
      return DATE_FIELDS.has(field) ? 'after' : 'greater_than';
    case 'is_less_than':
      return DATE_FIELDS.has(field) ? 'before' : 'less_than';
    default:
      return null;
  }
};

const listOf = (values: unknown): unknown[] => (values === undefined ? [] : Array.isArray(values) ? values : [values]);

// Chatwoot's flat list with a query_operator after each condition becomes one filter joined by one
// operator (ours has no precedence): mixed AND/OR is refused (INVALID_INPUT reason mixed_operators),
// as are unknown operators (unsupported_operator). Label titles become label ids (an unknown title:
// unknown_value). The result then passes the filter panel's own validation, with its reason codes.
export const chatwootFilter = async (ctx: Ctx, body: TChatwootFilterPayload, { contactFields }: { contactFields?: boolean } = {}): Promise<TConversationFilter> => {
  const joins = new Set(body.payload.slice(0, -1).map((condition) => (condition.query_operator ?? 'and').toLowerCase()));
  if (joins.size > 1 || [...joins].some((join) => join !== 'and' && join !== 'or')) {
    throw new DomainError('INVALID_INPUT', { field: 'query_operator', reason: 'mixed_operators' });
  }
  const needsLabels = body.payload.some((condition) => condition.attribute_key === 'labels');
  const labels = needsLabels ? await listLabels(ctx) : [];
  const conditions = body.payload.map((condition, index): TFilterCondition => {
    const known = FIELDS[condition.attribute_key];
    const field = known ?? `${contactFields ? 'contact' : 'conversation'}_attribute:${condition.attribute_key}`;
    const op = operatorFor(condition.filter_operator, condition.attribute_key);
    if (!op) throw new DomainError('INVALID_INPUT', { field: condition.attribute_key, reason: 'unsupported_operator', condition: index });
    if (op === 'present' || op === 'not_present') return { field, op };
    let values = listOf(condition.values);
    if (field === 'label') {
      values = values.map((title) => {
        const label = labels.find((candidate) => candidate.title.toLowerCase() === String(title).toLowerCase());
        if (!label) throw new DomainError('INVALID_INPUT', { field: 'labels', reason: 'unknown_value', condition: index });
        return label.id;
      });
    }
    // Chatwoot always sends a list; ours takes one value where a field holds one (text, numbers,
    // dates) and one or many for equal / not_equal on the others: one value travels alone.
    const single = (op !== 'equal' && op !== 'not_equal') || values.length === 1;
    return { field, op, value: (single ? values[0] : values) as TFilterCondition['value'] };
  });
  return validateFilter({ operator: joins.has('or') ? 'or' : 'and', conditions });
};
