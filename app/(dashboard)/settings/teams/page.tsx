import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/settings/action-form';
import { Card, Field, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { addTeamMemberAction, createTeamAction, deleteTeamAction, removeTeamMemberAction, updateTeamAction } from '@/lib/actions/settings-teams';
import { requireCtx } from '@/lib/auth/session';
import { listTeamSettings } from '@/lib/domain/teams/list-team-settings';
import { listAgents } from '@/lib/domain/users/list-agents';

// Administrators create, rename, describe and delete teams, and choose their members (V6).
const TeamsSettingsPage = async () => {
  const ctx = await requireCtx();
  const admin = ctx.actor.role === 'administrator';
  const [t, teams, agents] = await Promise.all([getTranslations('settings.teams'), admin ? listTeamSettings(ctx) : [], admin ? listAgents(ctx) : []]);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      <Card id="new-team" title={t('new')}>
        <ActionForm action={createTeamAction} saved={t('saved')} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
          <Field label={t('name')}>
            <input name="name" required maxLength={100} className={inputClass} />
          </Field>
          <Field label={t('descriptionField')}>
            <input name="description" maxLength={500} className={inputClass} />
          </Field>
          <button type="submit" className={buttonClass}>{t('create')}</button>
        </ActionForm>
      </Card>
      {teams.map((team) => {
        const candidates = agents.filter((agent) => !team.members.some((member) => member.id === agent.id));
        return (
          <Card key={team.id} id={`team-${team.id}`} title={team.name}>
            <ActionForm action={updateTeamAction} saved={t('saved')} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
              <input type="hidden" name="teamId" value={team.id} />
              <Field label={t('name')}>
                <input name="name" required maxLength={100} defaultValue={team.name} className={inputClass} />
              </Field>
              <Field label={t('descriptionField')}>
                <input name="description" maxLength={500} defaultValue={team.description ?? ''} className={inputClass} />
              </Field>
              <button type="submit" className={secondaryButtonClass}>{t('save')}</button>
            </ActionForm>
            <h3 className="mt-4 text-sm font-medium">{t('members', { count: team.members.length })}</h3>
            <ul className="my-2 divide-y divide-slate-100">
              {team.members.map((member) => (
                <li key={member.id} className="flex items-center justify-between gap-2 py-1 text-sm">
                  <span className="truncate">{member.name}</span>
                  <ActionForm action={removeTeamMemberAction}>
                    <input type="hidden" name="teamId" value={team.id} />
                    <input type="hidden" name="userId" value={member.id} />
                    <button type="submit" className="text-sm text-red-700 underline" aria-label={t('removeMember', { name: member.name })}>{t('remove')}</button>
                  </ActionForm>
                </li>
              ))}
            </ul>
            {candidates.length > 0 && (
              <ActionForm action={addTeamMemberAction} className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="teamId" value={team.id} />
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
            <ActionForm action={deleteTeamAction} confirm={t('confirmDelete', { name: team.name })} className="mt-4">
              <input type="hidden" name="teamId" value={team.id} />
              <button type="submit" className={dangerButtonClass}>{t('delete')}</button>
            </ActionForm>
          </Card>
        );
      })}
    </SettingsPage>
  );
};

export default TeamsSettingsPage;
