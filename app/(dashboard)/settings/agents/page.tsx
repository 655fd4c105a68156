import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, Field, buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { changeAgentRoleAction, inviteAgentAction, resendInvitationAction, setAgentActiveAction } from '@/lib/actions/settings-agents';
import { requireCtx } from '@/lib/auth/session';
import { listAccountAgents } from '@/lib/domain/agents/list-account-agents';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';

// Administrators invite agents by email, change their role, deactivate and reactivate them.
const AgentsSettingsPage = async () => {
  const ctx = await requireCtx();
  const admin = ctx.actor.role === 'administrator';
  const [t, tRoles, agents, inboxes] = await Promise.all([
    getTranslations('settings.agents'),
    getTranslations('shell.roles'),
    admin ? listAccountAgents(ctx) : [],
    admin ? listInboxes(ctx) : [],
  ]);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      <Card id="invite-agent" title={t('invite')}>
        <ActionForm action={inviteAgentAction} saved={t('invited')} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t('name')}>
            <input name="name" required maxLength={100} autoComplete="off" className={inputClass} />
          </Field>
          <Field label={t('email')}>
            <input name="email" type="email" required maxLength={320} autoComplete="off" className={inputClass} />
          </Field>
          <Field label={t('role')}>
            <select name="role" defaultValue="agent" className={inputClass}>
              <option value="agent">{tRoles('agent')}</option>
              <option value="administrator">{tRoles('administrator')}</option>
            </select>
          </Field>
          <fieldset className="text-xs text-slate-600">
            <legend className="font-medium">{t('inboxes')}</legend>
            {inboxes.map((inbox) => (
              <label key={inbox.id} className="mr-3 inline-flex items-center gap-1 text-sm">
                <input type="checkbox" name="inboxIds" value={inbox.id} />
                {inbox.name}
              </label>
            ))}
          </fieldset>
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass}>{t('sendInvitation')}</button>
          </div>
        </ActionForm>
      </Card>
      <Card id="agent-list" title={t('existing', { count: agents.length })}>
        <ul className="divide-y divide-slate-100">
          {agents.map((agent) => (
            <li key={agent.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid={`agent-${agent.email}`}>
              <div className="min-w-0">
                <p className="truncate font-medium">
                  {agent.name}
                  {agent.id === ctx.actor.userId && <span className="ml-1 text-xs text-slate-500">{t('you')}</span>}
                </p>
                <p className="truncate text-sm text-slate-500">{agent.email}</p>
                <p className="text-xs">
                  <span className={agent.active ? 'text-emerald-700' : 'text-red-700'}>{agent.active ? t('active') : t('inactive')}</span>
                  {agent.invitationPending && <span className="ml-2 text-amber-700">{t('pending')}</span>}
                </p>
              </div>
              <div className="flex flex-wrap items-start gap-2">
                <ActionForm action={changeAgentRoleAction} className="flex items-center gap-1">
                  <input type="hidden" name="userId" value={agent.id} />
                  <select name="role" defaultValue={agent.role} aria-label={t('roleOf', { name: agent.name })} className={inputClass}>
                    <option value="agent">{tRoles('agent')}</option>
                    <option value="administrator">{tRoles('administrator')}</option>
                  </select>
                  <button type="submit" className={secondaryButtonClass}>{t('changeRole')}</button>
                </ActionForm>
                <ActionForm action={setAgentActiveAction} confirm={agent.active ? t('confirmDeactivate', { name: agent.name }) : undefined}>
                  <input type="hidden" name="userId" value={agent.id} />
                  <input type="hidden" name="active" value={String(!agent.active)} />
                  <button type="submit" className={secondaryButtonClass}>{agent.active ? t('deactivate') : t('reactivate')}</button>
                </ActionForm>
                {agent.invitationPending && agent.active && (
                  <ActionForm action={resendInvitationAction} saved={t('resent')}>
                    <input type="hidden" name="userId" value={agent.id} />
                    <button type="submit" className={secondaryButtonClass}>{t('resend')}</button>
                  </ActionForm>
                )}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </SettingsPage>
  );
};

export default AgentsSettingsPage;
