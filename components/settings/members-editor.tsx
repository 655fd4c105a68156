import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Field, inputClass, secondaryButtonClass } from '@/components/settings/fields';
import type { ActionState } from '@/lib/actions/action';

type Person = { id: number; name: string };
type MemberAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  // The hidden field naming what the members belong to, e.g. { name: 'teamId', value: 3 }.
  owner: { name: string; value: number };
  members: Person[];
  // Agents who may be added (not members yet).
  candidates: Person[];
  addAction: MemberAction;
  removeAction: MemberAction;
  namespace: 'settings.teams' | 'settings.inboxes';
};

// The members of a team or an inbox: each with a remove button, and a select to add one more.
export const MembersEditor = async ({ owner, members, candidates, addAction, removeAction, namespace }: Props) => {
  const t = await getTranslations(namespace);
  return (
    <>
      <ul className="my-2 divide-y divide-slate-100">
        {members.map((member) => (
          <li key={member.id} className="flex items-center justify-between gap-2 py-1 text-sm">
            <span className="truncate">{member.name}</span>
            <ActionForm action={removeAction}>
              <input type="hidden" name={owner.name} value={owner.value} />
              <input type="hidden" name="userId" value={member.id} />
              <button type="submit" className="text-sm text-red-700 underline" aria-label={t('removeMember', { name: member.name })}>{t('remove')}</button>
            </ActionForm>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <ActionForm action={addAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name={owner.name} value={owner.value} />
          <Field label={t('addMember')}>
            <select name="userId" className={inputClass}>
              {candidates.map((agent) => (
                <option key={agent.id} value={agent.id}>{agent.name}</option>
              ))}
            </select>
          </Field>
          <button type="submit" className={secondaryButtonClass}>{t('add')}</button>
        </ActionForm>
      )}
    </>
  );
};
