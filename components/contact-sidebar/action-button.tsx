'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import type { ActionState } from '@/lib/actions/action';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string | number>;
  label?: string;
  className: string;
  children: React.ReactNode;
};

// One button posting fixed fields (Asignarme, remove a label or a participant, run a macro), with
// its translated error under it.
export const ActionButton = ({ action, fields, label, className, children }: Props) => {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-label={label} className={className}>
        {children}
      </button>
      <FormError state={state} />
    </form>
  );
};
