import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import { addParticipantAction, removeParticipantAction } from '@/lib/actions/sidebar';
import type { Participant } from '@/lib/domain/participants/list-participants';
import { ActionButton } from './action-button';
import { SelectForm } from './select-form';
import { SidebarSection } from './sidebar-section';

type Props = { conversationId: number; participants: Participant[]; agents: Array<{ id: number; name: string }> };

// P1: who takes part (the assignee flagged, and not removable while assigned), and whom to add
// from the inbox's agents not already in.
export const Participants = async ({ conversationId, participants, agents }: Props) => {
  const t = await getTranslations('sidebar.participants');
  const taking = new Set(participants.map((participant) => participant.userId));
  const addable = agents.filter((agent) => !taking.has(agent.id));
  return (
    <SidebarSection title={t('title')} name="participants">
      {participants.length === 0 ? (
        <p className="text-xs text-slate-500">{t('empty')}</p>
      ) : (
        <ul aria-label={t('title')} className="space-y-1">
          {participants.map((participant) => (
            <li key={participant.userId} className="flex items-center gap-2 text-sm">
              <Avatar name={participant.name} src={participant.avatarUrl} size="sm" />
              <span className="min-w-0 flex-1 truncate">
                {participant.name}
                {participant.isAssignee && <span className="ml-1 text-xs text-slate-500">({t('assignee')})</span>}
              </span>
              {!participant.isAssignee && (
                <ActionButton
                  action={removeParticipantAction}
                  fields={{ conversationId, userId: participant.userId }}
                  label={t('remove', { name: participant.name })}
                  className="rounded px-1 text-slate-500 hover:bg-slate-100"
                >
                  ×
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {addable.length > 0 && (
        <SelectForm
          action={addParticipantAction}
          conversationId={conversationId}
          name="userId"
          label={t('add')}
          value=""
          options={[{ value: '', label: '—' }, ...addable.map((agent) => ({ value: String(agent.id), label: agent.name }))]}
          submitLabel={t('addButton')}
        />
      )}
    </SidebarSection>
  );
};
