'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { deleteSavedViewAction, renameSavedViewAction } from '@/lib/actions/saved-views';

// Rename or delete the saved view being shown (only its owner can open it at all).
export const SavedViewSettings = ({ savedViewId, name }: { savedViewId: number; name: string }) => {
  const t = useTranslations('list.savedView');
  const [renameState, rename, renaming] = useActionState(renameSavedViewAction, {});
  const [deleteState, remove, deleting] = useActionState(deleteSavedViewAction, {});
  return (
    <details className="border-b border-slate-200 px-3 py-2 text-sm">
      <summary className="cursor-pointer text-slate-600">{t('manage')}</summary>
      <form action={rename} className="mt-2 flex gap-2">
        <input type="hidden" name="savedViewId" value={savedViewId} />
        <input name="name" defaultValue={name} maxLength={80} required aria-label={t('name')} className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1" />
        <button type="submit" disabled={renaming} className="rounded-md border border-slate-300 px-2 py-1">{t('rename')}</button>
      </form>
      <FormError state={renameState} />
      <form
        action={remove}
        className="mt-2"
        onSubmit={(event) => {
          if (!window.confirm(t('confirmDelete', { name }))) event.preventDefault();
        }}
      >
        <input type="hidden" name="savedViewId" value={savedViewId} />
        <button type="submit" disabled={deleting} className="rounded-md border border-red-300 px-2 py-1 text-red-700">{t('delete')}</button>
      </form>
      <FormError state={deleteState} />
    </details>
  );
};
