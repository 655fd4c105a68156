import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/shell/language-switcher';
import { ActionForm } from '@/components/ui/action-form';
import { ApiTokenForm } from '@/components/settings/api-token-form';
import { Card, Field, buttonClass, dangerButtonClass, inputClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { createApiTokenAction, revokeApiTokenAction } from '@/lib/actions/settings-api-tokens';
import { changePasswordAction, updateProfileAction } from '@/lib/actions/settings-profile';
import { requireCtx } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/domain/api-tokens/list-api-tokens';
import { getProfile } from '@/lib/domain/users/get-profile';
import { NOTIFY_ON } from '@/lib/domain/users/update-profile';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

// Every agent: their name, picture, language, time zone, password and notification preferences.
// `?password=changed`: where changePasswordAction lands after a change (with the new session).
const ProfileSettingsPage = async ({ searchParams }: { searchParams: Promise<{ password?: string | string[] }> }) => {
  const passwordChanged = (await searchParams).password === 'changed';
  const ctx = await requireCtx();
  const [t, profile, locale, tokens, format] = await Promise.all([
    getTranslations('settings.profile'),
    getProfile(ctx),
    getLocale(),
    listApiTokens(ctx),
    getFormatter(),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short' }) : t('apiTokens.never'));
  const notifyOn = profile.preferences.notifyOn ?? NOTIFY_ON;
  const zones = TIME_ZONES.includes(profile.timeZone) ? TIME_ZONES : [profile.timeZone, ...TIME_ZONES];
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')} everyone>
      <Card id="profile" title={t('details')}>
        <ActionForm action={updateProfileAction} saved={t('saved')} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t('name')}>
            <input name="name" required maxLength={100} defaultValue={profile.name} autoComplete="name" className={inputClass} />
          </Field>
          <Field label={t('email')}>
            <input value={profile.email} readOnly className={`${inputClass} bg-slate-50`} />
          </Field>
          <Field label={t('avatarUrl')} hint={t('avatarUrlHint')}>
            <input name="avatarUrl" type="url" pattern="https://.*" defaultValue={profile.avatarUrl ?? ''} className={inputClass} />
          </Field>
          <Field label={t('timeZone')}>
            <select name="timeZone" defaultValue={profile.timeZone} className={inputClass}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>{zone}</option>
              ))}
            </select>
          </Field>
          <fieldset className="text-sm sm:col-span-2">
            <legend className="mb-1 text-xs font-medium text-slate-600">{t('notifyOn')}</legend>
            {NOTIFY_ON.map((type) => (
              <label key={type} className="mr-4 inline-flex min-h-7 items-center gap-1.5">
                <input type="checkbox" name="notifyOn" value={type} defaultChecked={notifyOn.includes(type)} />
                {t(`notify.${type}`)}
              </label>
            ))}
          </fieldset>
          <label className="inline-flex min-h-7 items-center gap-1.5 text-sm">
            <input type="checkbox" name="notifyByBrowser" defaultChecked={profile.preferences.notifyByBrowser ?? false} />
            {t('notifyByBrowser')}
          </label>
          <label className="inline-flex min-h-7 items-center gap-1.5 text-sm">
            <input type="checkbox" name="pushNoteText" defaultChecked={profile.preferences.pushNoteText ?? false} />
            {t('pushNoteText')}
          </label>
          <label className="inline-flex min-h-7 items-center gap-1.5 text-sm">
            <input type="checkbox" name="enterToSend" defaultChecked={profile.preferences.enterToSend ?? true} />
            {t('enterToSend')}
          </label>
          <label className="inline-flex min-h-7 items-center gap-1.5 text-sm">
            <input type="checkbox" name="openNextAfterResolve" defaultChecked={profile.preferences.openNextAfterResolve ?? false} />
            {t('openNextAfterResolve')}
          </label>
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass}>{t('save')}</button>
          </div>
        </ActionForm>
      </Card>
      <Card id="language" title={t('language')}>
        <div className="max-w-xs">
          <LanguageSwitcher current={locale === 'en' ? 'en' : 'es'} />
        </div>
      </Card>
      <Card id="password" title={t('password')}>
        <ActionForm action={changePasswordAction} className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-end">
          <Field label={t('currentPassword')}>
            <input name="currentPassword" type="password" required autoComplete="current-password" className={inputClass} />
          </Field>
          <Field label={t('newPassword')} hint={t('passwordHint')}>
            <input name="newPassword" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" className={inputClass} />
          </Field>
          <Field label={t('confirmPassword')}>
            <input name="confirmPassword" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" className={inputClass} />
          </Field>
          <div className="sm:col-span-3">
            <button type="submit" className={buttonClass}>{t('changePassword')}</button>
          </div>
          {passwordChanged && <p role="status" className="text-sm text-emerald-700 sm:col-span-full">{t('passwordChanged')}</p>}
        </ActionForm>
      </Card>
      <Card id="api-tokens" title={t('apiTokens.title')} description={t('apiTokens.description')}>
        <ApiTokenForm action={createApiTokenAction} />
        <h3 className="mt-4 mb-2 text-sm font-medium">{t('apiTokens.list')}</h3>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500">{t('apiTokens.empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label={t('apiTokens.list')}>
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium break-words">{token.name}</p>
                  <p className="text-xs text-slate-500">
                    {t('apiTokens.created')}: {when(token.createdAt)} · {t('apiTokens.lastUsed')}: {when(token.lastUsedAt)}
                  </p>
                </div>
                <ActionForm action={revokeApiTokenAction} confirm={t('apiTokens.revokeConfirm')} saved={t('apiTokens.revoked')}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit" className={dangerButtonClass} aria-label={`${t('apiTokens.revoke')}: ${token.name}`}>
                    {t('apiTokens.revoke')}
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </SettingsPage>
  );
};

export default ProfileSettingsPage;
