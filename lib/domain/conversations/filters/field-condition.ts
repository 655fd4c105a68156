import { inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { contactLabels, contacts, conversations } from '@/db/schema';
import { searchable } from '@/db/schema/sql-functions';
import type { Actor } from '../../context';
import { hasAnyLabel } from '../list/has-any-label';
import { contactExists } from './contact-exists';
import { FILTER_FIELDS, type TFilterField, type TPositiveOperator } from './filter-schema';
import type { TFilterValue } from './filter-values';
import { lowerText, textCondition } from './text-condition';

export type TFieldConditionOptions = {
  field: TFilterField;
  op: TPositiveOperator;
  // Checked by the schema; ids already checked to belong to the account.
  value: TFilterValue;
  actor: Actor;
  timeZone: string;
  now: Date;
};

const DAY_MS = 86_400_000;

const idsOf = (value: TFilterValue, actor: Actor): number[] => {
  if (value.kind !== 'ids') throw new Error(`fieldCondition: a ${value.kind} value for ids`);
  return value.me ? [...new Set([...value.values, actor.userId])] : value.values;
};

const stringsOf = (value: TFilterValue): string[] => {
  if (value.kind !== 'strings') throw new Error(`fieldCondition: a ${value.kind} value for strings`);
  return value.values;
};

// before / after a day (midnight in the account's time zone, so "before May 1" means what the
// team's calendar says) or an exact instant; last N days counts back from ctx.now().
const timestampCondition = (column: AnyPgColumn, op: TPositiveOperator, value: TFilterValue, timeZone: string, now: Date): SQL => {
  if (op === 'last_n_days' && value.kind === 'days') {
    return sql`${column} >= ${new Date(now.getTime() - value.days * DAY_MS).toISOString()}::timestamptz`;
  }
  if (value.kind === 'instant') {
    if (op === 'before') return sql`${column} < ${value.instant}::timestamptz`;
    if (op === 'after') return sql`${column} > ${value.instant}::timestamptz`;
  }
  if (value.kind === 'date') {
    if (op === 'before') return sql`${column} < (${value.date}::date::timestamp at time zone ${timeZone}::text)`;
    // After the whole day: from the next local midnight.
    if (op === 'after') return sql`${column} >= ((${value.date}::date + 1)::timestamp at time zone ${timeZone}::text)`;
  }
  throw new Error(`fieldCondition: ${op} with a ${value.kind} value on a timestamp`);
};

// Labels through conversations.label_ids (kept by triggers, migration 0011) and its GIN index.
const labelled = (labelIds?: number[]): SQL =>
  labelIds ? hasAnyLabel(labelIds) : sql`${conversations.labelIds} <> '{}'::integer[]`;

// The positive SQL condition for a fixed field (status, assignee, inbox, team, priority, label,
// contact name / email / phone / identifier / company / country / city, created / last activity dates) on the conversations table.
export const fieldCondition = ({ field, op, value, actor, timeZone, now }: TFieldConditionOptions): SQL => {
  switch (field) {
    case 'status':
      return inArray(conversations.status, stringsOf(value) as Array<typeof conversations.status._.data>);
    case 'priority':
      return inArray(conversations.priority, stringsOf(value) as Array<typeof conversations.priority._.data>);
    case 'inbox':
      return inArray(conversations.inboxId, idsOf(value, actor));
    case 'team':
      return op === 'present' ? isNotNull(conversations.teamId) : inArray(conversations.teamId, idsOf(value, actor));
    case 'assignee':
      return op === 'present' ? isNotNull(conversations.assigneeId) : inArray(conversations.assigneeId, idsOf(value, actor));
    case 'label':
      return op === 'present' ? labelled() : labelled(idsOf(value, actor));
    case 'contact_name':
      // Accent-insensitive like search (L1), so "jose" finds "José": the contact's folded name as the
      // conversation carries it (conversations.contact_search_name, kept by triggers).
      return textCondition({ folded: sql`${conversations.contactSearchName}`, fold: searchable }, op, value);
    case 'contact_email':
    case 'contact_phone':
    case 'contact_identifier':
    case 'contact_company':
    case 'contact_country':
    case 'contact_city':
      return contactExists(contactFieldCondition({ field, op, value, actor, timeZone, now }));
    case 'created_at':
      return timestampCondition(conversations.createdAt, op, value, timeZone, now);
    case 'last_activity_at':
      return timestampCondition(conversations.lastActivityAt, op, value, timeZone, now);
  }
};

// The fields a contact filter takes (Chatwoot's contacts/filter): the contact's own (all but the
// conversation's status, assignee, inbox, team and priority).
export const CONTACT_FILTER_FIELDS: ReadonlySet<TFilterField> = new Set(
  FILTER_FIELDS.filter((field) => !['status', 'assignee', 'inbox', 'team', 'priority'].includes(field)),
);

// The positive SQL condition for a contact field on the contacts table (a contact filter's, and
// inside contactExists a conversation filter's email and phone). Labels are the contact's own.
export const contactFieldCondition = ({ field, op, value, actor, timeZone, now }: TFieldConditionOptions): SQL => {
  switch (field) {
    case 'label': {
      const ids = op === 'present' ? null : idsOf(value, actor);
      return sql`exists (select 1 from ${contactLabels} where ${contactLabels.contactId} = ${contacts.id}${ids ? sql` and ${inArray(contactLabels.labelId, ids)}` : sql``})`;
    }
    case 'contact_name':
      return textCondition({ folded: sql`${contacts.searchName}`, fold: searchable }, op, value);
    case 'contact_email':
      return textCondition(lowerText(sql`${contacts.email}`), op, value);
    case 'contact_phone':
      // Phones have no letter case (stored E.164): compared as they are, which is also what
      // contacts_phone_trgm_idx holds.
      return textCondition({ folded: sql`${contacts.phone}`, fold: (text) => text }, op, value);
    case 'contact_identifier':
      // The account's own id for the customer: compared exactly as stored (ids are case-sensitive).
      return textCondition({ folded: sql`${contacts.identifier}`, fold: (text) => text }, op, value);
    case 'contact_company':
      return textCondition(lowerText(sql`${contacts.company}`), op, value);
    case 'contact_country':
      // Free text as the contact form stores it (a code such as "ES" or a name): case-insensitive.
      return textCondition(lowerText(sql`${contacts.country}`), op, value);
    case 'contact_city':
      return textCondition(lowerText(sql`${contacts.city}`), op, value);
    case 'created_at':
      return timestampCondition(contacts.createdAt, op, value, timeZone, now);
    case 'last_activity_at':
      return timestampCondition(contacts.lastActivityAt, op, value, timeZone, now);
    default:
      throw new Error(`contactFieldCondition: ${field} is not a contact field`);
  }
};
