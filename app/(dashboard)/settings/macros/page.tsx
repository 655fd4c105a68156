import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, buttonClass, dangerButtonClass, secondaryButtonClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { deleteMacroAction } from '@/lib/actions/settings-macros';
import { requireCtx } from '@/lib/auth/session';
import { listMacros } from '@/lib/domain/macros/list-macros';

// M1 settings: the macros I may run (mine and the account's global ones), to edit or delete the
// ones I may change.
const MacrosSettingsPage = async () => {
  const ctx = await requireCtx();
  const [t, macros] = await Promise.all([getTranslations('settings.macros'), listMacros(ctx)]);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')} everyone>
      <p>
        <Link href="/settings/macros/new" className={`${buttonClass} inline-block`}>{t('new')}</Link>
      </p>
      <Card id="macro-list" title={t('existing', { count: macros.length })}>
        <ul className="divide-y divide-slate-100">
          {macros.map((macro) => (
            <li key={macro.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center" data-testid={`macro-${macro.name}`}>
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{macro.name}</p>
                <p className="text-xs text-slate-500">
                  {t(`visibilities.${macro.visibility}`)} · {t('stepCount', { count: macro.steps.length })}
                  {macro.createdByName && ` · ${macro.createdByName}`}
                </p>
              </div>
              {macro.canEdit && (
                <div className="flex gap-2">
                  <a href={`/settings/macros/${macro.id}`} className={secondaryButtonClass} aria-label={t('editLabel', { name: macro.name })}>{t('editButton')}</a>
                  <ActionForm action={deleteMacroAction} confirm={t('confirmDelete', { name: macro.name })}>
                    <input type="hidden" name="macroId" value={macro.id} />
                    <button type="submit" className={dangerButtonClass} aria-label={t('deleteLabel', { name: macro.name })}>{t('delete')}</button>
                  </ActionForm>
                </div>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </SettingsPage>
  );
};

export default MacrosSettingsPage;
