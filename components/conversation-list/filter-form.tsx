'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { filterAction } from '@/lib/actions/filters';
import type { TConversationFilter } from '@/lib/domain/conversations/filters/filter-schema';
import type { FilterFieldOption } from './filter-fields';

type Row = { key: number; field: string; op: string; value: string };
type Props = { path: string; keep: Record<string, string>; fields: FilterFieldOption[]; initial: TConversationFilter };

const control = 'min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';
const MAX_ROWS = 10;

const rowsFrom = (filter: TConversationFilter): Row[] => [
  ...filter.conditions.map((condition, key) => ({
    key,
    field: condition.field,
    op: condition.op,
    value: Array.isArray(condition.value) ? String(condition.value[0] ?? '') : condition.value == null ? '' : String(condition.value),
  })),
  { key: filter.conditions.length, field: '', op: '', value: '' },
];

// The filter panel's form. Each row adapts its operators and value input to the chosen field; the
// server validates everything again (and without JavaScript the rows post as they are).
export const FilterForm = ({ path, keep, fields, initial }: Props) => {
  const t = useTranslations('list.filter');
  const tErrors = useTranslations('errors');
  const [state, action, pending] = useActionState(filterAction, {});
  const [rows, setRows] = useState(() => rowsFrom(initial));
  const update = (key: number, change: Partial<Row>) => setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <form action={action} className="flex flex-col gap-3 p-3 text-sm" aria-label={t('title')}>
      <input type="hidden" name="path" value={path} />
      {Object.entries(keep).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <fieldset className="flex items-center gap-2">
        <legend className="sr-only">{t('combine')}</legend>
        <span className="text-slate-600">{t('match')}</span>
        <select name="operator" defaultValue={initial.operator} className={control} aria-label={t('combine')}>
          <option value="and">{t('and')}</option>
          <option value="or">{t('or')}</option>
        </select>
      </fieldset>
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => {
          const option = fields.find((candidate) => candidate.field === row.field);
          const needsValue = row.op !== 'present' && row.op !== 'not_present';
          return (
            <li key={row.key} className="grid grid-cols-1 gap-1 rounded-md border border-slate-200 p-2">
              <select name="field" value={row.field} onChange={(event) => update(row.key, { field: event.target.value, op: '', value: '' })} className={control} aria-label={t('fieldLabel', { number: index + 1 })}>
                <option value="">{t('chooseField')}</option>
                {fields.map((candidate) => <option key={candidate.field} value={candidate.field}>{candidate.label}</option>)}
              </select>
              <select name="op" value={row.op} onChange={(event) => update(row.key, { op: event.target.value })} className={control} aria-label={t('operatorLabel', { number: index + 1 })}>
                <option value="">{t('chooseOperator')}</option>
                {(option?.operators ?? []).map((op) => <option key={op} value={op}>{t(`operators.${op}`)}</option>)}
              </select>
              {option?.values && needsValue && row.op !== 'last_n_days' ? (
                <select name="value" value={row.value} onChange={(event) => update(row.key, { value: event.target.value })} className={control} aria-label={t('valueLabel', { number: index + 1 })}>
                  <option value="">{t('chooseValue')}</option>
                  {option.values.map((value) => <option key={value.value} value={value.value}>{value.label}</option>)}
                </select>
              ) : (
                <input
                  name="value"
                  value={row.value}
                  onChange={(event) => update(row.key, { value: event.target.value })}
                  readOnly={!needsValue}
                  type={inputType(option?.kind, row.op)}
                  className={control}
                  aria-label={t('valueLabel', { number: index + 1 })}
                />
              )}
              <button type="button" onClick={() => setRows((previous) => previous.filter((candidate) => candidate.key !== row.key))} className="justify-self-end rounded-md px-2 text-slate-500 hover:bg-slate-100" aria-label={t('removeCondition', { number: index + 1 })}>
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      {rows.length < MAX_ROWS && (
        <button type="button" onClick={() => setRows((previous) => [...previous, { key: Math.max(-1, ...previous.map((row) => row.key)) + 1, field: '', op: '', value: '' }])} className="self-start text-brand-600 underline">
          {t('addCondition')}
        </button>
      )}
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-700">
          {state.details?.reason ? t(`reasons.${String(state.details.reason)}`, { number: Number(state.details.condition ?? 0) + 1 }) : tErrors(state.error)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="apply" disabled={pending} className="rounded-md bg-brand-500 px-3 py-1.5 font-medium text-white hover:bg-brand-600">{t('apply')}</button>
        <button type="submit" name="intent" value="clear" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1.5">{t('clear')}</button>
      </div>
      <fieldset className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
        <legend className="sr-only">{t('saveTitle')}</legend>
        <input name="name" maxLength={80} placeholder={t('viewName')} aria-label={t('viewName')} className={`${control} flex-1`} />
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded-md border border-brand-500 px-3 py-1.5 text-brand-700">{t('save')}</button>
      </fieldset>
    </form>
  );
};

const inputType = (kind: string | undefined, op: string) => {
  if (op === 'last_n_days' || kind === 'number') return 'number';
  if (kind === 'timestamp' || kind === 'date') return 'date';
  if (kind === 'link') return 'url';
  return 'text';
};
