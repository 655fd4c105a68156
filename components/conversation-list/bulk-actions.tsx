'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { bulkUpdateAction } from '@/lib/actions/conversations';

// children: the bar's rows, rendered on the server (bulk-action-rows.tsx).
type Props = { formId: string; children: React.ReactNode };

// Bulk actions on the selected cards: status, agent, team, add or remove a label. Each row submits
// its own kind of change; the checkboxes of the cards belong to this form (form attribute). The bar
// shows only while a card is checked (CSS :has in globals.css, so also without JavaScript).
export const BulkActions = ({ formId, children }: Props) => {
  const t = useTranslations('list.bulk');
  const [state, action, pending] = useActionState(bulkUpdateAction, {});
  const [selected, setSelected] = useState(0);

  // Count the checked cards of this form, live, to show or hide the toolbar.
  useEffect(() => {
    const count = () => setSelected(document.querySelectorAll(`input[form="${formId}"][name="conversationIds"]:checked`).length);
    document.addEventListener('change', count);
    count();
    return () => document.removeEventListener('change', count);
  }, [formId]);

  // After a change the list re-renders; clear the selection.
  useEffect(() => {
    if (!state.ok) return;
    document.querySelectorAll<HTMLInputElement>(`input[form="${formId}"]:checked`).forEach((box) => (box.checked = false));
    setSelected(0);
  }, [state, formId]);

  return (
    <form id={formId} action={action} className="text-sm">
      <details open={selected > 0 || undefined} data-bulk-bar="" className="group border-b border-slate-200 bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer text-slate-600">{selected > 0 ? t('selected', { count: selected }) : t('title')}</summary>
        <fieldset disabled={pending} className="mt-2 grid gap-2">
          {children}
        </fieldset>
      </details>
      <div className="px-3 empty:hidden">
        <FormError state={state} />
        {state.ok && <p role="status" className="pb-2 text-emerald-700">{t('done', { count: Number(state.details?.count ?? 0) })}</p>}
      </div>
    </form>
  );
};
