import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, Field, buttonClass, inputClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { ChannelIcon } from '@/components/ui/channel-icon';
import { createInboxAction } from '@/lib/actions/settings-inboxes';
import { requireCtx } from '@/lib/auth/session';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';

// Administrators list the account's inboxes and create one; its channel settings, members and
// deletion are on its own page.
const InboxesSettingsPage = async () => {
  const ctx = await requireCtx();
  const admin = ctx.actor.role === 'administrator';
  const [t, tChannels, inboxes] = await Promise.all([getTranslations('settings.inboxes'), getTranslations('channels'), admin ? listInboxes(ctx) : []]);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      <Card id="new-inbox" title={t('new')}>
        <ActionForm action={createInboxAction} className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
          <Field label={t('name')}>
            <input name="name" required maxLength={100} className={inputClass} />
          </Field>
          <Field label={t('channelType')}>
            <select name="channelType" defaultValue="website" className={inputClass}>
              {(['website', 'api', 'email'] as const).map((type) => (
                <option key={type} value={type}>{tChannels(type)}</option>
              ))}
            </select>
          </Field>
          <button type="submit" className={buttonClass}>{t('create')}</button>
        </ActionForm>
      </Card>
      <Card id="inbox-list" title={t('existing', { count: inboxes.length })}>
        <ul className="divide-y divide-slate-100">
          {inboxes.map((inbox) => (
            <li key={inbox.id}>
              <a href={`/settings/inboxes/${inbox.id}`} className="flex items-center gap-2 py-2 hover:text-brand-700">
                <ChannelIcon channel={inbox.channelType} />
                <span className="truncate">{inbox.name}</span>
                <span className="ml-auto text-xs text-slate-500">{tChannels(inbox.channelType)}</span>
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </SettingsPage>
  );
};

export default InboxesSettingsPage;
