import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, Field, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from '@/components/settings/fields';
import { MembersEditor } from '@/components/settings/members-editor';
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
            <MembersEditor owner={{ name: 'teamId', value: team.id }} members={team.members} candidates={candidates} addAction={addTeamMemberAction} removeAction={removeTeamMemberAction} namespace="settings.teams" />
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
