'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { attributeValuesAction } from '@/lib/actions/sidebar';
import type { CustomAttributes } from '@/db/schema';

type Definition = { key: string; displayName: string; type: 'text' | 'number' | 'link' | 'date' | 'list' | 'checkbox'; listValues: string[]; regexHint: string | null };
type Props = { model: 'conversation' | 'contact'; recordId: number; definitions: Definition[]; values: CustomAttributes };

const INPUT_TYPE = { text: 'text', number: 'text', link: 'url', date: 'date' } as const;
const field = 'w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';

// What a field shows for a stored value (a checkbox: "true" or "false").
const shown = (definition: Definition, value: CustomAttributes[string] | undefined) =>
  definition.type === 'checkbox' ? String(value === true) : value === undefined || value === null ? '' : String(value);

// A1/A2: all attributes of a record in one form with one "Guardar": each field fits its type, an
// emptied field clears its value, only changed fields are saved. An invalid value shows the
// translated error and the definition's hint under its field, and nothing is saved.
export const AttributesForm = ({ model, recordId, definitions, values }: Props) => {
  const t = useTranslations('sidebar.attributes');
  const [state, formAction, pending] = useActionState(attributeValuesAction, {});
  const invalidKey = state.error === 'INVALID_INPUT' ? String(state.details?.field ?? '') : null;
  // Re-keyed on the stored values, so a save (or a live change) shows what is stored.
  const stamp = JSON.stringify(definitions.map((definition) => shown(definition, values[definition.key])));
  return (
    <form action={formAction} className="space-y-2" data-attributes={model} key={stamp}>
      <input type="hidden" name="model" value={model} />
      <input type="hidden" name="recordId" value={recordId} />
      {definitions.map((definition) => {
        const id = `attribute-${model}-${definition.key}`;
        const text = shown(definition, values[definition.key]);
        const invalid = invalidKey === definition.key;
        const hint = invalid ? (state.details?.hint ?? definition.regexHint) : null;
        return (
          <div key={definition.key} data-attribute={definition.key} className="space-y-1">
            <input type="hidden" name="keys" value={definition.key} />
            <input type="hidden" name={`was:${definition.key}`} value={text} />
            {definition.type === 'checkbox' ? (
              <label htmlFor={id} className="flex items-center gap-2 text-sm text-slate-600">
                <input type="hidden" name={`value:${definition.key}`} value="false" />
                <input id={id} type="checkbox" name={`value:${definition.key}`} value="true" defaultChecked={text === 'true'} className="h-4 w-4" />
                {definition.displayName}
              </label>
            ) : (
              <>
                <label htmlFor={id} className="block text-sm text-slate-600">
                  {definition.displayName}
                </label>
                {definition.type === 'list' ? (
                  <select id={id} name={`value:${definition.key}`} defaultValue={text} className={field} aria-invalid={invalid || undefined}>
                    <option value="">{t('choose')}</option>
                    {definition.listValues.map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={`value:${definition.key}`}
                    type={INPUT_TYPE[definition.type]}
                    inputMode={definition.type === 'number' ? 'decimal' : undefined}
                    defaultValue={text}
                    aria-invalid={invalid || undefined}
                    className={field}
                  />
                )}
              </>
            )}
            {invalid && (
              <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-700">
                <p>{t('invalid', { name: definition.displayName })}</p>
                {hint && <p>{t('hint', { hint: String(hint) })}</p>}
              </div>
            )}
          </div>
        );
      })}
      <div className="flex items-center gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-500 px-3 py-1 text-sm text-white hover:bg-brand-600 disabled:opacity-60">
          {t('save')}
        </button>
        <span className="text-xs text-slate-500">{t('clearHint')}</span>
      </div>
      {!invalidKey && <FormError state={state} />}
    </form>
  );
};
