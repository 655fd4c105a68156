'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { bulkUpdateAction } from '@/lib/actions/conversations';

type Option = { id: number; name: string };
type Props = { formId: string; agents: Option[]; teams: Option[]; labels: Option[] };

const select = 'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1';
const apply = 'rounded-md bg-brand-500 px-2 py-1 font-medium text-white hover:bg-brand-600 disabled:opacity-50';

// Bulk actions on the selected cards: status, agent, team, add or remove a label. Each row submits
// its own kind of change; the checkboxes of the cards belong to this form (form attribute). The bar
// shows only while a card is checked (CSS :has in globals.css, so also without JavaScript).
export const BulkActions = ({ formId, agents, teams, labels }: Props) => {
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
          <Row label={t('status')} kind="status">
            <select name="status" className={select} defaultValue="resolved">
              {(['open', 'resolved', 'pending'] as const).map((status) => <option key={status} value={status}>{t(`statuses.${status}`)}</option>)}
            </select>
          </Row>
          <Row label={t('assignee')} kind="assignee">
            <select name="assigneeId" className={select}>
              <option value="none">{t('unassign')}</option>
              {agents.map((agent) => <option key={agent.id} value={agent.id}>{agent.name}</option>)}
            </select>
          </Row>
          <Row label={t('team')} kind="team">
            <select name="teamId" className={select}>
              <option value="none">{t('noTeam')}</option>
              {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          </Row>
          <Row label={t('label')} kind="add_labels" secondKind="remove_labels">
            <select name="labelId" className={select}>
              {labels.map((label) => <option key={label.id} value={label.id}>{label.name}</option>)}
            </select>
          </Row>
        </fieldset>
      </details>
      <div className="px-3 empty:hidden">
        <FormError state={state} />
        {state.ok && <p role="status" className="pb-2 text-emerald-700">{t('done', { count: Number(state.details?.count ?? 0) })}</p>}
      </div>
    </form>
  );
};

const Row = ({ label, kind, secondKind, children }: { label: string; kind: string; secondKind?: string; children: React.ReactNode }) => {
  const t = useTranslations('list.bulk');
  return (
    <div className="flex items-center gap-2">
      <span className="w-20 shrink-0 text-slate-600">{label}</span>
      {children}
      <button type="submit" name="kind" value={kind} className={apply}>{secondKind ? t('addLabel') : t('apply')}</button>
      {secondKind && <button type="submit" name="kind" value={secondKind} className={apply}>{t('removeLabel')}</button>}
    </div>
  );
};
