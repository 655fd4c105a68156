import { or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TPositiveOperator } from './filter-schema';
import type { TFilterValue } from './filter-values';
import type { TFilterDefinition } from './load-filter-lookups';
import { localDate } from './local-date';
import { lowerText, textCondition } from './text-condition';

export type TAttributeConditionOptions = {
  // conversations.custom_attributes or contacts.custom_attributes
  column: AnyPgColumn;
  definition: TFilterDefinition;
  op: TPositiveOperator;
  value: TFilterValue;
  timeZone: string;
  now: Date;
};

const DAY_MS = 86_400_000;

// The stored value as a number, or NULL when it is not one. Stored values come from many writers
// (API, imports), so a cast that could fail ('abc'::numeric) is never attempted: one bad row must
// not turn everyone's list into an error.
const numberOf = (column: AnyPgColumn, key: SQL, text: SQL): SQL => sql`(case jsonb_typeof(${column} -> ${key})
  when 'number' then (${text})::numeric
  when 'string' then (case when ${text} ~ '^ *-?[0-9]{1,15}([.][0-9]{1,15})? *$' then btrim(${text})::numeric end)
end)`;

// The stored value as a day: its leading YYYY-MM-DD, compared as text in the C collation (ISO days
// sort like dates), or NULL. Casting to date could fail on a stored '2024-02-30'; this cannot.
const dayOf = (text: SQL): SQL => sql`((case when ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' then left(${text}, 10) end) collate "C")`;

const dayOfValue = (value: TFilterValue, timeZone: string): string => {
  if (value.kind === 'date') return value.date;
  if (value.kind === 'instant') return localDate(new Date(value.instant), timeZone);
  throw new Error(`attributeCondition: a ${value.kind} value for a date`);
};

// The positive SQL condition for one custom attribute condition whose operator and value were
// already checked against the attribute's definition. The key is a parameter like any value.
export const attributeCondition = ({ column, definition, op, value, timeZone, now }: TAttributeConditionOptions): SQL => {
  const key = sql`${definition.key}::text`;
  const text = sql`(${column} ->> ${key})`;
  if (op === 'present') return sql`coalesce(btrim(${text}), '') <> ''`;

  switch (definition.type) {
    case 'text':
    case 'link':
      return textCondition(lowerText(text), op, value);
    case 'number': {
      if (value.kind !== 'number') break;
      const number = numberOf(column, key, text);
      const given = sql`${value.value}::numeric`;
      if (op === 'equal') return sql`${number} = ${given}`;
      if (op === 'greater_than') return sql`${number} > ${given}`;
      if (op === 'less_than') return sql`${number} < ${given}`;
      break;
    }
    case 'date': {
      const day = dayOf(text);
      if (op === 'last_n_days' && value.kind === 'days') {
        const from = localDate(new Date(now.getTime() - value.days * DAY_MS), timeZone);
        return sql`(${day} >= ${from}::text and ${day} <= ${localDate(now, timeZone)}::text)`;
      }
      const given = sql`${dayOfValue(value, timeZone)}::text`;
      if (op === 'equal') return sql`${day} = ${given}`;
      if (op === 'before') return sql`${day} < ${given}`;
      if (op === 'after') return sql`${day} > ${given}`;
      break;
    }
    case 'list':
      // List values are stored as JSON strings (A2 validates them): containment, which the GIN index
      // on conversations.custom_attributes answers, one value at a time.
      if (op === 'equal' && value.kind === 'strings') {
        return or(...value.values.map((item) => sql`${column} @> jsonb_build_object(${key}, ${item}::text)`)) as SQL;
      }
      break;
    case 'checkbox':
      if (op === 'equal' && value.kind === 'checkbox') {
        // An unchecked box is often simply absent: "is false" means "is not true".
        const checked = sql`lower(${text}) = 'true'`;
        return value.value ? checked : sql`not coalesce(${checked}, false)`;
      }
      break;
  }
  throw new Error(`attributeCondition: ${op} on a ${definition.type} attribute`);
};
