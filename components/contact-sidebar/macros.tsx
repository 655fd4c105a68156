import { getTranslations } from 'next-intl/server';
import { runMacroAction } from '@/lib/actions/sidebar';
import type { MacroListItem } from '@/lib/domain/macros/list-macros';
import type { MacroStep } from '@/lib/domain/macros/describe-macro-steps';
import { ActionButton } from './action-button';
import { SidebarSection } from './sidebar-section';

type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Names = { priority: (key: string) => string; status: (key: string) => string };

// One step in words; names the domain could not find (deleted since) say so.
const describe = (step: MacroStep, t: Translate, names: Names): string => {
  if (!step.valid) return t('unknown', { action: step.action });
  const name = (value: string | null | undefined) => value ?? t('deleted');
  switch (step.action) {
    case 'send_message':
    case 'add_private_note':
      return t(step.action, { content: step.params.content });
    case 'assign_agent':
      return step.agent?.id === 'self' ? t('assign_self') : t('assign_agent', { name: name(step.agent?.name) });
    case 'assign_team':
      return t('assign_team', { name: name(step.team?.name) });
    case 'add_label':
    case 'remove_label':
      return t(step.action, { labels: (step.labels ?? []).map((label) => name(label.title)).join(', ') });
    case 'change_priority':
      return t('change_priority', { priority: names.priority(step.params.priority) });
    case 'change_status':
      return t('change_status', { status: names.status(step.params.status) });
    case 'mute_conversation':
      return t('mute_conversation', { hours: step.params.hours });
    default:
      return t(step.action);
  }
};

// M1: the macros I may run, each with its steps and an "Ejecutar" button.
export const Macros = async ({ conversationId, macros }: { conversationId: number; macros: MacroListItem[] }) => {
  const [t, tSteps, tPriority, tChat] = await Promise.all([
    getTranslations('sidebar.macros'),
    getTranslations('sidebar.macros.steps'),
    getTranslations('priority'),
    getTranslations('chat.status'),
  ]);
  const names: Names = { priority: (key) => tPriority(key), status: (key) => tChat(key) };
  return (
    <SidebarSection title={t('title')} name="macros">
      {macros.length === 0 ? (
        <p className="text-xs text-slate-500">{t('empty')}</p>
      ) : (
        <ul aria-label={t('title')} className="space-y-3">
          {macros.map((macro) => (
            <li key={macro.id} className="space-y-1 text-sm">
              <div className="flex items-start gap-2">
                <p className="min-w-0 flex-1 font-medium">{macro.name}</p>
                <ActionButton
                  action={runMacroAction}
                  fields={{ conversationId, macroId: macro.id }}
                  label={t('runLabel', { name: macro.name })}
                  className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                >
                  {t('run')}
                </ActionButton>
              </div>
              <ol className="list-decimal space-y-0.5 pl-5 text-xs text-slate-600">
                {macro.steps.map((step, index) => (
                  <li key={index}>{describe(step, tSteps, names)}</li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </SidebarSection>
  );
};
