import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, Field, buttonClass, dangerButtonClass, inputClass } from '@/components/settings/fields';
import { InboxSettingsFields } from '@/components/settings/inbox-settings-fields';
import { MembersEditor } from '@/components/settings/members-editor';
import { WidgetSnippetCard } from '@/components/widget/widget-snippet-card';
import { SettingsPage } from '@/components/settings/settings-page';
import { addInboxMemberAction, deleteInboxAction, removeInboxMemberAction, updateInboxAction } from '@/lib/actions/settings-inboxes';
import { requireCtx } from '@/lib/auth/session';
import { appOrigin } from '@/lib/domain/channels/widget/app-origin';
import { isDomainError } from '@/lib/domain/errors';
import { getInboxSettings } from '@/lib/domain/inboxes/get-inbox-settings';
import { listAgents } from '@/lib/domain/users/list-agents';

type PageProps = { params: Promise<{ inboxId: string }> };

// One inbox: name and channel settings, its public identifier, members, deletion.
const InboxSettingsPage = async ({ params }: PageProps) => {
  const [ctx, { inboxId }, t, tChannels] = await Promise.all([requireCtx(), params, getTranslations('settings.inboxes'), getTranslations('channels')]);
  if (ctx.actor.role !== 'administrator') {
    return <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>{null}</SettingsPage>;
  }
  const inbox = await getInboxSettings(ctx, { inboxId }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const agents = await listAgents(ctx);
  const candidates = agents.filter((agent) => !inbox.members.some((member) => member.id === agent.id));
  return (
    <SettingsPage ctx={ctx} title={inbox.name} description={tChannels(inbox.channelType)}>
      <Card id="inbox-settings" title={t('settings')}>
        <p className="mb-3 text-sm">
          {t('identifier')}: <code className="rounded bg-slate-100 px-1 break-all" data-testid="inbox-identifier">{inbox.identifier}</code>
        </p>
        <ActionForm action={updateInboxAction} saved={t('saved')} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <input type="hidden" name="inboxId" value={inbox.id} />
          <Field label={t('name')}>
            <input name="name" required maxLength={100} defaultValue={inbox.name} className={inputClass} />
          </Field>
          <InboxSettingsFields channelType={inbox.channelType} settings={inbox.channelSettings} />
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass}>{t('save')}</button>
          </div>
        </ActionForm>
      </Card>
      {inbox.channelType === 'website' && <WidgetSnippetCard inbox={inbox} origin={appOrigin(await headers())} />}
      <Card id="inbox-members" title={t('members', { count: inbox.members.length })}>
        <MembersEditor owner={{ name: 'inboxId', value: inbox.id }} members={inbox.members} candidates={candidates} addAction={addInboxMemberAction} removeAction={removeInboxMemberAction} namespace="settings.inboxes" />
      </Card>
      <Card id="delete-inbox" title={t('delete')}>
        <p className="mb-2 text-sm text-slate-600">{t('deleteWarning')}</p>
        <ActionForm action={deleteInboxAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="inboxId" value={inbox.id} />
          <Field label={t('confirmName', { name: inbox.name })}>
            <input name="confirmName" required autoComplete="off" className={inputClass} />
          </Field>
          <button type="submit" className={dangerButtonClass}>{t('deleteForGood')}</button>
        </ActionForm>
      </Card>
    </SettingsPage>
  );
};

export default InboxSettingsPage;
