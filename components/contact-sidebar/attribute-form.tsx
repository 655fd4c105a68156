'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { attributeValueAction } from '@/lib/actions/sidebar';
import type { CustomAttributes } from '@/db/schema';

type Definition = { key: string; displayName: string; type: 'text' | 'number' | 'link' | 'date' | 'list' | 'checkbox'; listValues: string[]; regexHint: string | null };
type Props = { model: 'conversation' | 'contact'; recordId: number; definition: Definition; value: CustomAttributes[string] | undefined };

const INPUT_TYPE = { text: 'text', number: 'text', link: 'url', date: 'date' } as const;
const field = 'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';

// A1/A2: one attribute with an input fitting its type, Save and Clear. An invalid value shows the
// translated error and the definition's hint (INVALID_INPUT { field, reason, hint }).
export const AttributeForm = ({ model, recordId, definition, value }: Props) => {
  const t = useTranslations('sidebar.attributes');
  const [state, formAction, pending] = useActionState(attributeValueAction, {});
  const id = `attribute-${model}-${definition.key}`;
  const text = value === undefined || value === null ? '' : String(value);
  const hint = state.error === 'INVALID_INPUT' ? (state.details?.hint ?? definition.regexHint) : null;
  return (
    <form action={formAction} className="space-y-1" data-attribute={definition.key}>
      <input type="hidden" name="model" value={model} />
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="key" value={definition.key} />
      <label htmlFor={id} className="block text-sm text-slate-600">
        {definition.displayName}
      </label>
      <div className="flex items-center gap-1" key={text}>
        {definition.type === 'checkbox' ? (
          <>
            <input type="hidden" name="value" value="false" />
            <input id={id} type="checkbox" name="value" defaultChecked={value === true} className="h-4 w-4" />
            <span className="flex-1" />
          </>
        ) : definition.type === 'list' ? (
          <select id={id} name="value" defaultValue={text} className={field}>
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
            name="value"
            type={INPUT_TYPE[definition.type]}
            inputMode={definition.type === 'number' ? 'decimal' : undefined}
            defaultValue={text}
            className={field}
          />
        )}
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded-md bg-brand-500 px-2 py-1 text-xs text-white hover:bg-brand-600">
          {t('save')}
        </button>
        <button type="submit" name="intent" value="clear" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
          {t('clear')}
        </button>
      </div>
      {state.error === 'INVALID_INPUT' ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-700">
          <p>{t('invalid', { name: definition.displayName })}</p>
          {hint && <p>{t('hint', { hint: String(hint) })}</p>}
        </div>
      ) : (
        <FormError state={state} />
      )}
    </form>
  );
};
