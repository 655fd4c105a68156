'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { AutoSubmitSelect } from '@/components/ui/auto-submit-select';
import type { ActionState } from '@/lib/actions/action';

type Option = { value: string; label: string };
type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  conversationId: number;
  name: string;
  label: string;
  value: string;
  options: Option[];
  submitLabel: string;
};

// A labelled select that saves on change (X1 assignee, team, priority; add a label or a
// participant); its button saves without JavaScript. Errors are shown translated by code.
export const SelectForm = ({ action, conversationId, name, label, value, options, submitLabel }: Props) => {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="conversationId" value={conversationId} />
      <label className="block text-sm">
        <span className="text-slate-600">{label}</span>
        <span className="mt-1 flex gap-1">
          <AutoSubmitSelect name={name} defaultValue={value} key={value} disabled={pending} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </AutoSubmitSelect>
          <noscript>
            <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm">
              {submitLabel}
            </button>
          </noscript>
        </span>
      </label>
      <FormError state={state} />
    </form>
  );
};
