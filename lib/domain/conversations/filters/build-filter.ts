import { and, or, sql, type SQL } from 'drizzle-orm';
import { contacts, conversations } from '@/db/schema';
import type { Ctx } from '../../context';
import { attributeCondition } from './attribute-values';
import { contactExists } from './contact-exists';
import { CONTACT_FILTER_FIELDS, contactFieldCondition, fieldCondition } from './field-condition';
import { filterError } from './filter-error';
import { ALLOWED_OPERATORS, FIELD_KINDS, POSITIVE_OF, type TConversationFilter, type TFilterCondition, type TFilterField } from './filter-schema';
import { filterValueSchema, type TFilterValue } from './filter-values';
import { loadFilterLookups, type TFilterLookupRequest, type TFilterLookups } from './load-filter-lookups';
import { parseAttributeField, type TAttributeField } from './parse-attribute-field';
import { validateFilter } from './validate-filter';

// The list module imports the whole filter API from this one file.
export { ZConversationFilter, type TConversationFilter } from './filter-schema';
export { parseFilterParam } from './parse-filter-param';

type TResolved = { index: number; condition: TFilterCondition } & (
  | { field: TFilterField; value: TFilterValue; attribute?: undefined }
  | { attribute: TAttributeField; field?: undefined; value?: undefined }
);

// Which lookup set an id field is checked against.
const ID_FIELDS = { label: 'labelIds', inbox: 'inboxIds', team: 'teamIds', assignee: 'userIds' } as const;
const isIdField = (field: TFilterField): field is keyof typeof ID_FIELDS => Object.hasOwn(ID_FIELDS, field);

const lookupRequest = (resolved: TResolved[]): TFilterLookupRequest => {
  const request: TFilterLookupRequest = { labelIds: [], inboxIds: [], teamIds: [], userIds: [], attributeModels: [], timeZone: false };
  for (const { field, value, attribute } of resolved) {
    if (attribute) {
      if (!request.attributeModels.includes(attribute.model)) request.attributeModels.push(attribute.model);
      request.timeZone = true;
    } else if (isIdField(field) && value.kind === 'ids') {
      request[ID_FIELDS[field]].push(...value.values);
    } else if (FIELD_KINDS[field] === 'timestamp') {
      request.timeZone = true;
    }
  }
  return request;
};

// The positive SQL of one condition, after the checks that need the account's data: ids of the
// account, attributes it defines, operators and values its attribute types allow.
const positiveCondition = (ctx: Ctx, lookups: TFilterLookups, resolved: TResolved, now: Date, subject: TFilterSubject): SQL => {
  const { index, condition } = resolved;
  const where = { field: condition.field, condition: index };
  const op = POSITIVE_OF[condition.op];

  if (!resolved.attribute) {
    const { field, value } = resolved;
    if (subject === 'contact' && !CONTACT_FILTER_FIELDS.has(field)) throw filterError('unknown_field', where);
    if (isIdField(field) && value.kind === 'ids' && value.values.some((id) => !lookups[ID_FIELDS[field]].has(id))) {
      throw filterError('unknown_value', where);
    }
    const options = { field, op, value, actor: ctx.actor, timeZone: lookups.timeZone, now };
    return subject === 'contact' ? contactFieldCondition(options) : fieldCondition(options);
  }

  const { model, key } = resolved.attribute;
  if (subject === 'contact' && model !== 'contact') throw filterError('unknown_field', where);
  const definition = lookups.definitions[model].get(key);
  if (!definition) throw filterError('unknown_field', where);
  if (!ALLOWED_OPERATORS[definition.type].includes(condition.op)) throw filterError('unsupported_operator', where);
  const parsed = filterValueSchema(definition.type, condition.op).safeParse(condition.value);
  if (!parsed.success) throw filterError('invalid_value', where);
  const value = parsed.data;
  if (definition.type === 'list' && value.kind === 'strings' && value.values.some((item) => !definition.listValues.includes(item))) {
    throw filterError('unknown_value', where);
  }
  const column = model === 'contact' ? contacts.customAttributes : conversations.customAttributes;
  const predicate = attributeCondition({ column, definition, op, value, timeZone: lookups.timeZone, now });
  return model === 'contact' && subject === 'conversation' ? contactExists(predicate) : predicate;
};

// What the filter's SQL is a condition on: the `conversations` table (the list, L4) or the
// `contacts` table (Chatwoot's contacts/filter: the contact's own fields, labels and attributes;
// any other field is unknown_field).
export type TFilterSubject = 'conversation' | 'contact';

// Turns an L4 filter into one SQL condition on the `conversations` table (or `contacts`: subject) (unaliased; labels and
// contacts are EXISTS subqueries), to be ANDed with the authorization scope by the caller: the
// result is parenthesised as a whole, so an OR inside can never widen what the scope allows.
// Validates everything first and throws INVALID_INPUT { field, reason, condition } for a filter
// that does not hold (unknown field or attribute, operator the field does not take, malformed
// value, id or list value the account does not have). Every user value is a bound parameter.
// No filter → undefined (no condition).
export const buildFilterCondition = async (
  ctx: Ctx,
  filter: TConversationFilter | Record<string, unknown> | null | undefined,
  { subject = 'conversation' }: { subject?: TFilterSubject } = {},
): Promise<SQL | undefined> => {
  if (filter === null || filter === undefined) return undefined;
  const checked = validateFilter(filter);

  const resolved = checked.conditions.map((condition, index): TResolved => {
    const attribute = parseAttributeField(condition.field);
    if (attribute) return { index, condition, attribute };
    const field = condition.field as TFilterField;
    // Already checked by the schema: this only converts.
    return { index, condition, field, value: filterValueSchema(FIELD_KINDS[field], condition.op).parse(condition.value) };
  });

  const lookups = await loadFilterLookups(ctx, lookupRequest(resolved));
  const now = ctx.now();
  const parts = resolved.map((item) => {
    const positive = positiveCondition(ctx, lookups, item, now, subject);
    // NOT of a NULL is NULL: coalesce so that "not equal" keeps rows where the value is missing.
    return POSITIVE_OF[item.condition.op] === item.condition.op ? sql`(${positive})` : sql`(not coalesce((${positive}), false))`;
  });
  const joined = checked.operator === 'and' ? and(...parts) : or(...parts);
  return sql`(${joined})`;
};
