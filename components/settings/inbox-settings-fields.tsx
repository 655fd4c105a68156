import { getTranslations } from 'next-intl/server';
import type { ChannelSettings } from '@/db/schema';
import { Field, inputClass } from './fields';

// The channel settings of an inbox form, for its channel type, and the resolved-conversation policy.
export const InboxSettingsFields = async ({ channelType, settings }: { channelType: 'website' | 'api' | 'email'; settings: ChannelSettings }) => {
  const t = await getTranslations('settings.inboxes');
  return (
    <>
      {channelType === 'website' && (
        <>
          <Field label={t('websiteUrl')}>
            <input name="websiteUrl" type="url" defaultValue={settings.websiteUrl ?? ''} placeholder="https://" className={inputClass} />
          </Field>
          <Field label={t('widgetColor')}>
            <input name="widgetColor" type="color" defaultValue={settings.widgetColor ?? '#1f93ff'} className="h-8 w-16 rounded border border-slate-300" />
          </Field>
          <Field label={t('welcomeTitle')}>
            <input name="welcomeTitle" maxLength={100} defaultValue={settings.welcomeTitle ?? ''} className={inputClass} />
          </Field>
          <Field label={t('welcomeTagline')}>
            <input name="welcomeTagline" maxLength={255} defaultValue={settings.welcomeTagline ?? ''} className={inputClass} />
          </Field>
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="requireIdentityVerification" defaultChecked={settings.requireIdentityVerification === true} className="mt-1" />
            <span>
              {t('requireIdentityVerification')}
              <span className="block text-xs text-slate-500">{t('requireIdentityVerificationHint')}</span>
            </span>
          </label>
        </>
      )}
      {channelType === 'api' && (
        <Field label={t('webhookUrl')}>
          <input name="webhookUrl" type="url" defaultValue={settings.webhookUrl ?? ''} placeholder="https://" className={inputClass} />
        </Field>
      )}
      {channelType === 'email' && (
        <Field label={t('emailAddress')}>
          <input name="emailAddress" type="email" defaultValue={settings.emailAddress ?? ''} className={inputClass} />
        </Field>
      )}
      <Field label={t('resolvedConversationPolicy')}>
        <select name="resolvedConversationPolicy" defaultValue={settings.resolvedConversationPolicy ?? 'reopen'} className={inputClass}>
          <option value="reopen">{t('policy.reopen')}</option>
          <option value="new">{t('policy.new')}</option>
        </select>
      </Field>
    </>
  );
};
