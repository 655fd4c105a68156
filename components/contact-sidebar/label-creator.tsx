'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { addLabelByTitleAction } from '@/lib/actions/sidebar';

type Props = { conversationId: number; labels: string[] };

// X1 for administrators: type a label; when no label of the account has that title the button reads
// "Crear etiqueta «texto»" and creates it, else "Añadir «texto»" adds the existing one. Without
// JavaScript the button says "Crear o añadir" and the server does the same.
export const LabelCreator = ({ conversationId, labels }: Props) => {
  const t = useTranslations('sidebar.actions');
  const [state, formAction, pending] = useActionState(addLabelByTitleAction, {});
  const [text, setText] = useState('');
  const title = text.trim().toLowerCase();
  const exists = labels.includes(title);
  return (
    // React resets the form after its action: the button's words follow the emptied field.
    <form action={formAction} onReset={() => setText('')} className="space-y-1">
      <input type="hidden" name="conversationId" value={conversationId} />
      <label htmlFor={`label-title-${conversationId}`} className="block text-sm text-slate-600">
        {t('labelTitle')}
      </label>
      <span className="flex gap-1">
        <input
          id={`label-title-${conversationId}`}
          name="title"
          onChange={(event) => setText(event.target.value)}
          maxLength={50}
          required
          aria-describedby={`label-title-hint-${conversationId}`}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        />
        <button type="submit" disabled={pending} className="max-w-[60%] truncate rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
          {title === '' ? t('createOrAdd') : exists ? t('addNamed', { label: title }) : t('createNamed', { label: title })}
        </button>
      </span>
      <p id={`label-title-hint-${conversationId}`} className="text-xs text-slate-500">
        {t('labelTitleHint')}
      </p>
      <FormError state={state} />
    </form>
  );
};
