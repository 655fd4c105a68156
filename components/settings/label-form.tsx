'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { createLabelAction, deleteLabelAction, updateLabelAction } from '@/lib/actions/labels';
import type { Label } from '@/db/schema';

const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

// Create a label, or edit and delete an existing one.
export const LabelForm = ({ label }: { label?: Pick<Label, 'id' | 'title' | 'color' | 'description' | 'showOnSidebar'> }) => {
  const t = useTranslations('settings.labels');
  const [state, action, pending] = useActionState(label ? updateLabelAction : createLabelAction, {});
  const [deleteState, remove, deleting] = useActionState(deleteLabelAction, {});
  const prefix = label ? `label-${label.id}` : 'label-new';
  return (
    <div className="flex flex-col gap-2">
      <form action={action} className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_auto_2fr_auto_auto] sm:items-end">
        {label && <input type="hidden" name="labelId" value={label.id} />}
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${prefix}-title`}>
          {t('name')}
          <input id={`${prefix}-title`} name="title" defaultValue={label?.title} required maxLength={50} pattern="[\p{L}\p{N}_\-]+" className={input} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t('color')}
          <input name="color" type="color" defaultValue={label?.color ?? '#1f93ff'} className="h-8 w-12 rounded border border-slate-300" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          {t('descriptionField')}
          <input name="description" defaultValue={label?.description ?? ''} maxLength={255} className={input} />
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" name="showOnSidebar" defaultChecked={label?.showOnSidebar ?? true} />
          {t('showOnSidebar')}
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600">
          {label ? t('save') : t('create')}
        </button>
      </form>
      <FormError state={state} />
      {state.ok && <p role="status" className="text-sm text-emerald-700">{t('saved')}</p>}
      {label && (
        <form
          action={remove}
          onSubmit={(event) => {
            if (!window.confirm(t('confirmDelete', { name: label.title }))) event.preventDefault();
          }}
        >
          <input type="hidden" name="labelId" value={label.id} />
          <button type="submit" disabled={deleting} className="text-sm text-red-700 underline">{t('delete')}</button>
          <FormError state={deleteState} />
        </form>
      )}
    </div>
  );
};
