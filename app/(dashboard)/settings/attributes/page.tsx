import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, Field, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { createAttributeDefinitionAction, deleteAttributeDefinitionAction, updateAttributeDefinitionAction } from '@/lib/actions/settings-catalog';
import { requireCtx } from '@/lib/auth/session';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';

const TYPES = ['text', 'number', 'link', 'date', 'list', 'checkbox'] as const;

// A1/A2: administrators define custom attributes of conversations and contacts.
const AttributesSettingsPage = async () => {
  const ctx = await requireCtx();
  const admin = ctx.actor.role === 'administrator';
  const [t, definitions] = await Promise.all([getTranslations('settings.attributes'), admin ? listAttributeDefinitions(ctx) : []]);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      <Card id="new-attribute" title={t('new')}>
        <ActionForm action={createAttributeDefinitionAction} saved={t('saved')} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label={t('displayName')}>
            <input name="displayName" required maxLength={100} className={inputClass} />
          </Field>
          <Field label={t('key')} hint={t('keyHint')}>
            <input name="key" maxLength={50} pattern="[a-z0-9_]+" className={inputClass} />
          </Field>
          <Field label={t('model')}>
            <select name="model" defaultValue="conversation" className={inputClass}>
              <option value="conversation">{t('models.conversation')}</option>
              <option value="contact">{t('models.contact')}</option>
            </select>
          </Field>
          <Field label={t('type')}>
            <select name="type" defaultValue="text" className={inputClass}>
              {TYPES.map((type) => (
                <option key={type} value={type}>{t(`types.${type}`)}</option>
              ))}
            </select>
          </Field>
          <Field label={t('descriptionField')}>
            <input name="description" maxLength={255} className={inputClass} />
          </Field>
          <Field label={t('listValues')} hint={t('listValuesHint')}>
            <textarea name="listValues" rows={3} className={inputClass} />
          </Field>
          <Field label={t('regexPattern')} hint={t('regexHintHint')}>
            <input name="regexPattern" maxLength={200} className={`${inputClass} font-mono`} />
          </Field>
          <Field label={t('regexHint')}>
            <input name="regexHint" maxLength={255} className={inputClass} />
          </Field>
          <div className="sm:col-span-2">
            <button type="submit" className={buttonClass}>{t('create')}</button>
          </div>
        </ActionForm>
      </Card>
      <Card id="attribute-list" title={t('existing', { count: definitions.length })}>
        <ul className="divide-y divide-slate-100">
          {definitions.map((definition) => (
            <li key={definition.id} className="py-3" data-testid={`attribute-${definition.key}`}>
              <p className="mb-2 text-sm">
                <span className="font-medium">{definition.displayName}</span>{' '}
                <code className="rounded bg-slate-100 px-1 text-xs">{definition.key}</code>{' '}
                <span className="text-xs text-slate-500">
                  {t(`models.${definition.model}`)} · {t(`types.${definition.type}`)}
                </span>
              </p>
              <ActionForm action={updateAttributeDefinitionAction} saved={t('saved')} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                <input type="hidden" name="definitionId" value={definition.id} />
                <Field label={t('displayName')}>
                  <input name="displayName" required maxLength={100} defaultValue={definition.displayName} className={inputClass} />
                </Field>
                <Field label={t('descriptionField')}>
                  <input name="description" maxLength={255} defaultValue={definition.description ?? ''} className={inputClass} />
                </Field>
                {definition.type === 'list' && (
                  <Field label={t('listValues')} hint={t('listValuesHint')}>
                    <textarea name="listValues" rows={3} defaultValue={definition.listValues.join('\n')} className={inputClass} />
                  </Field>
                )}
                {definition.type === 'text' && (
                  <>
                    <Field label={t('regexPattern')}>
                      <input name="regexPattern" maxLength={200} defaultValue={definition.regexPattern ?? ''} className={`${inputClass} font-mono`} />
                    </Field>
                    <Field label={t('regexHint')}>
                      <input name="regexHint" maxLength={255} defaultValue={definition.regexHint ?? ''} className={inputClass} />
                    </Field>
                  </>
                )}
                <div className="sm:col-span-2">
                  <button type="submit" className={secondaryButtonClass}>{t('save')}</button>
                </div>
              </ActionForm>
              <ActionForm action={deleteAttributeDefinitionAction} confirm={t('confirmDelete', { name: definition.displayName })} className="mt-2">
                <input type="hidden" name="definitionId" value={definition.id} />
                <button type="submit" className={dangerButtonClass}>{t('delete')}</button>
              </ActionForm>
            </li>
          ))}
        </ul>
      </Card>
    </SettingsPage>
  );
};

export default AttributesSettingsPage;
