import { getTranslations } from 'next-intl/server';
import { addLabelAction, assignAgentAction, assignTeamAction, removeLabelAction, setPriorityAction } from '@/lib/actions/sidebar';
import type { ConversationLabel } from '@/lib/domain/conversations/actions/load-conversation-labels';
import type { ConversationWithBasics } from '@/lib/domain/conversations/get-conversation';
import { ActionButton } from './action-button';
import { LabelCreator } from './label-creator';
import { SelectForm } from './select-form';
import { SidebarSection } from './sidebar-section';

type Person = { id: number; name: string };
type Props = {
  conversation: ConversationWithBasics;
  me: { id: number; teamIds: number[] };
  agents: Person[];
  teams: Person[];
  labels: Array<{ id: number; title: string }>;
  conversationLabels: ConversationLabel[];
  // Administrators may create a label from here (X1).
  canCreateLabels: boolean;
};

const PRIORITIES = ['none', 'urgent', 'high', 'medium', 'low'] as const;

// X1: assignee (or "Asignarme"), team, priority and labels (created inline by administrators), each
// saved on its own.
export const ConversationActions = async ({ conversation, me, agents, teams, labels, conversationLabels, canCreateLabels }: Props) => {
  const [t, tPriority] = await Promise.all([getTranslations('sidebar.actions'), getTranslations('priority')]);
  const conversationId = conversation.id;
  const labelled = new Set(conversationLabels.map((label) => label.id));
  const addable = labels.filter((label) => !labelled.has(label.id));
  // Team membership is known cheaply only for me (my actor's teams): the note covers that case.
  const notInTeam = conversation.assigneeId === me.id && conversation.teamId !== null && !me.teamIds.includes(conversation.teamId);
  return (
    <SidebarSection title={t('title')} name="actions">
      <SelectForm
        action={assignAgentAction}
        conversationId={conversationId}
        name="assigneeId"
        label={t('assignee')}
        value={String(conversation.assigneeId ?? '')}
        options={[{ value: '', label: t('unassigned') }, ...agents.map((agent) => ({ value: String(agent.id), label: agent.name }))]}
        submitLabel={t('save')}
      />
      {conversation.assigneeId !== me.id && (
        <ActionButton action={assignAgentAction} fields={{ conversationId, assigneeId: 'me' }} className="text-sm text-brand-600 underline">
          {t('assignMe')}
        </ActionButton>
      )}
      <SelectForm
        action={assignTeamAction}
        conversationId={conversationId}
        name="teamId"
        label={t('team')}
        value={String(conversation.teamId ?? '')}
        options={[{ value: '', label: t('noTeam') }, ...teams.map((team) => ({ value: String(team.id), label: team.name }))]}
        submitLabel={t('save')}
      />
      {notInTeam && <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">{t('notInTeam')}</p>}
      <SelectForm
        action={setPriorityAction}
        conversationId={conversationId}
        name="priority"
        label={t('priority')}
        value={conversation.priority}
        options={PRIORITIES.map((priority) => ({ value: priority, label: tPriority(priority) }))}
        submitLabel={t('save')}
      />
      <div className="space-y-1">
        <p className="text-sm text-slate-600">{t('labels')}</p>
        {conversationLabels.length === 0 ? (
          <p className="text-xs text-slate-500">{t('noLabels')}</p>
        ) : (
          <ul aria-label={t('labels')} className="flex flex-wrap gap-1">
            {conversationLabels.map((label) => (
              <li key={label.id} className="flex items-center gap-1 rounded-full border border-slate-200 bg-slate-50 py-0.5 pr-1 pl-2 text-xs">
                <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: label.color }} />
                <span>{label.title}</span>
                <ActionButton
                  action={removeLabelAction}
                  fields={{ conversationId, labelId: label.id }}
                  label={t('removeLabel', { label: label.title })}
                  className="rounded-full px-1 text-slate-500 hover:bg-slate-200"
                >
                  ×
                </ActionButton>
              </li>
            ))}
          </ul>
        )}
        {addable.length > 0 && (
          <SelectForm
            action={addLabelAction}
            conversationId={conversationId}
            name="labelId"
            label={t('addLabel')}
            value=""
            options={[{ value: '', label: '—' }, ...addable.map((label) => ({ value: String(label.id), label: label.title }))]}
            submitLabel={t('save')}
          />
        )}
        {canCreateLabels && <LabelCreator conversationId={conversationId} labels={labels.map((label) => label.title)} />}
      </div>
    </SidebarSection>
  );
};
