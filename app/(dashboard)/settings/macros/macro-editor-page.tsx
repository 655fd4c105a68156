import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/settings/fields';
import { MacroEditor } from '@/components/settings/macro-editor';
import { SettingsPage } from '@/components/settings/settings-page';
import type { Ctx } from '@/lib/domain/context';
import { listLabels } from '@/lib/domain/labels/list-labels';
import type { MacroDraft } from '@/lib/domain/macros/macro-draft';
import { listTeams } from '@/lib/domain/teams/list-teams';
import { listAgents } from '@/lib/domain/users/list-agents';

// The frame of the new-macro and edit-macro pages, with the agents, teams and labels to pick from.
export const MacroEditorPage = async ({ ctx, macroId, draft }: { ctx: Ctx; macroId?: number; draft: MacroDraft }) => {
  const [t, agents, teams, labels] = await Promise.all([getTranslations('settings.macros'), listAgents(ctx), listTeams(ctx), listLabels(ctx)]);
  return (
    <SettingsPage ctx={ctx} title={macroId ? t('edit') : t('new')} description={t('description')} everyone>
      <Card id="macro-editor" title={macroId ? draft.name : t('new')}>
        <MacroEditor
          key={JSON.stringify(draft)}
          macroId={macroId}
          initial={draft}
          canMakeGlobal={ctx.actor.role === 'administrator'}
          options={{ agents: agents.map(({ id, name }) => ({ id, name })), teams, labels: labels.map(({ id, title }) => ({ id, title })) }}
        />
      </Card>
    </SettingsPage>
  );
};
