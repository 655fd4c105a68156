'use client';

import { startTransition, useActionState } from 'react';
import type { ActionState } from '@/lib/actions/action';
import { contactError } from './contact-error';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

// A contact dialog's form: the action's state, its error placed on a field the form has (else on
// the form), and an onSubmit that keeps what was typed when the action refuses it (React resets a
// form after its action otherwise). Without JavaScript the form posts to the action as it is.
export const useContactForm = (action: Action, fields: readonly string[]) => {
  const [state, formAction, pending] = useActionState(action, {});
  const found = contactError(state);
  const error = found && !fields.includes(found.field) ? { ...found, field: '' } : found;
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { formAction, onSubmit, pending, error };
};
