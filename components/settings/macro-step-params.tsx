'use client';

import { useTranslations } from 'next-intl';
import type { DraftStep } from '@/lib/domain/macros/macro-draft';
import { inputClass } from './fields';

export type MacroOptions = {
  agents: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  labels: Array<{ id: number; title: string }>;
};

type Props = { index: number; step: DraftStep; options: MacroOptions; onChange: (change: Partial<DraftStep>) => void };

const PRIORITIES = ['none', 'urgent', 'high', 'medium', 'low'] as const;
const STATUSES = ['open', 'pending', 'resolved'] as const;
const SNOOZE_PRESETS = ['next_reply', 'tomorrow', 'next_week'] as const;

// The parameter input of one macro step, fitting its action: text for messages, agent / team /
// label pickers, priority, status and snooze selects, hours, transcript recipient.
export const MacroStepParams = ({ index, step, options, onChange }: Props) => {
  const t = useTranslations('settings.macros');
  const tPriority = useTranslations('priority');
  const tStatus = useTranslations('chat.status');
  const name = (param: string) => `step.${index}.${param}`;
  const label = (text: string, control: React.ReactNode) => (
    <label className="mt-2 flex flex-col gap-1 text-xs font-medium text-slate-600">
      {text}
      {control}
    </label>
  );
  switch (step.action) {
    case 'send_message':
    case 'add_private_note':
      return label(t('params.content'), <textarea name={name('content')} required maxLength={10000} rows={2} value={step.content} onChange={(event) => onChange({ content: event.target.value })} className={inputClass} />);
    case 'assign_agent':
      return label(
        t('params.agent'),
        <select name={name('userId')} value={step.userId || 'self'} onChange={(event) => onChange({ userId: event.target.value })} className={inputClass}>
          <option value="self">{t('params.self')}</option>
          {options.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>{agent.name}</option>
          ))}
        </select>,
      );
    case 'assign_team':
      return label(
        t('params.team'),
        <select name={name('teamId')} required value={step.teamId} onChange={(event) => onChange({ teamId: event.target.value })} className={inputClass}>
          <option value="">{t('params.choose')}</option>
          {options.teams.map((team) => (
            <option key={team.id} value={team.id}>{team.name}</option>
          ))}
        </select>,
      );
    case 'add_label':
    case 'remove_label':
      return (
        <fieldset className="mt-2 text-sm">
          <legend className="text-xs font-medium text-slate-600">{t('params.labels')}</legend>
          {options.labels.map((item) => (
            <label key={item.id} className="mr-3 inline-flex items-center gap-1">
              <input
                type="checkbox"
                name={name('labelIds')}
                value={item.id}
                checked={step.labelIds.includes(String(item.id))}
                onChange={(event) =>
                  onChange({ labelIds: event.target.checked ? [...step.labelIds, String(item.id)] : step.labelIds.filter((id) => id !== String(item.id)) })
                }
              />
              {item.title}
            </label>
          ))}
        </fieldset>
      );
    case 'change_priority':
      return label(
        t('params.priority'),
        <select name={name('priority')} value={step.priority || 'none'} onChange={(event) => onChange({ priority: event.target.value })} className={inputClass}>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>{tPriority(priority)}</option>
          ))}
        </select>,
      );
    case 'change_status':
      return label(
        t('params.status'),
        <select name={name('status')} value={step.status || 'open'} onChange={(event) => onChange({ status: event.target.value })} className={inputClass}>
          {STATUSES.map((status) => (
            <option key={status} value={status}>{tStatus(status)}</option>
          ))}
        </select>,
      );
    case 'snooze_conversation':
      return label(
        t('params.snooze'),
        <select name={name('until')} value={step.until || 'next_reply'} onChange={(event) => onChange({ until: event.target.value })} className={inputClass}>
          {SNOOZE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>{t(`params.snoozePresets.${preset}`)}</option>
          ))}
        </select>,
      );
    case 'mute_conversation':
      return label(t('params.hours'), <input name={name('hours')} type="number" min={1} max={168} value={step.hours || '6'} onChange={(event) => onChange({ hours: event.target.value })} className={inputClass} />);
    case 'send_transcript':
      return label(
        t('params.to'),
        <select name={name('to')} value={step.to || 'contact'} onChange={(event) => onChange({ to: event.target.value })} className={inputClass}>
          <option value="contact">{t('params.recipients.contact')}</option>
          <option value="assignee">{t('params.recipients.assignee')}</option>
          {/* A fixed address stored by another client stays selectable. */}
          {step.to && step.to !== 'contact' && step.to !== 'assignee' && <option value={step.to}>{step.to}</option>}
        </select>,
      );
    case 'send_attachment': {
      const current = (() => {
        try {
          return step.file ? (JSON.parse(step.file) as { fileName?: string }) : null;
        } catch {
          return null;
        }
      })();
      return (
        <div className="mt-2 flex flex-col gap-1 text-sm">
          <input type="hidden" name={name('file')} value={step.file} />
          {current?.fileName && <p>{t('params.currentFile', { name: current.fileName })}</p>}
          {label(current ? t('params.replaceFile') : t('params.file'), <input type="file" name={name('upload')} required={!current} className="text-sm" />)}
        </div>
      );
    }
    default:
      return null;
  }
};
