import { useTranslations } from 'next-intl';

type Option = { id: number; name: string };
type Props = { agents: Option[]; teams: Option[]; labels: Option[] };

const select = 'min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1';
const apply = 'rounded-md bg-brand-500 px-2 py-1 font-medium text-white hover:bg-brand-600 disabled:opacity-50';

// The bulk-action bar's rows (BulkActions), rendered on the server: a choice and its submit button
// each, the button naming the kind of change.
export const BulkActionRows = ({ agents, teams, labels }: Props) => {
  const t = useTranslations('list.bulk');
  return (
    <>
      <Row label={t('status')} kind="status">
        <select name="status" className={select} defaultValue="resolved">
          {(['open', 'resolved', 'pending'] as const).map((status) => <option key={status} value={status}>{t(`statuses.${status}`)}</option>)}
        </select>
      </Row>
      <Row label={t('assignee')} kind="assignee">
        <OptionSelect name="assigneeId" options={agents} none={t('unassign')} />
      </Row>
      <Row label={t('team')} kind="team">
        <OptionSelect name="teamId" options={teams} none={t('noTeam')} />
      </Row>
      <Row label={t('label')} kind="add_labels" secondKind="remove_labels">
        <OptionSelect name="labelId" options={labels} />
      </Row>
    </>
  );
};

// A choice among `options`, led by a "none" option (value `none`) when `none` names it.
const OptionSelect = ({ name, options, none }: { name: string; options: Option[]; none?: string }) => (
  <select name={name} className={select}>
    {none && <option value="none">{none}</option>}
    {options.map((option) => <option key={option.id} value={option.id}>{option.name}</option>)}
  </select>
);

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
