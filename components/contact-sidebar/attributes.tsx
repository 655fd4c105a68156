import { getTranslations } from 'next-intl/server';
import type { CustomAttributeDefinition, CustomAttributes } from '@/db/schema';
import { AttributesForm } from './attribute-form';
import { SidebarSection } from './sidebar-section';

type Props = { model: 'conversation' | 'contact'; recordId: number; definitions: CustomAttributeDefinition[]; values: CustomAttributes };

// A1 (conversation) / A2 (contact): every definition of the model with its current value, in one form.
export const Attributes = async ({ model, recordId, definitions, values }: Props) => {
  const t = await getTranslations('sidebar.attributes');
  return (
    <SidebarSection title={t(model)} name={`attributes-${model}`}>
      {definitions.length === 0 ? (
        <p className="text-xs text-slate-500">{t('empty')}</p>
      ) : (
        <AttributesForm
          model={model}
          recordId={recordId}
          definitions={definitions.map((definition) => ({ key: definition.key, displayName: definition.displayName, type: definition.type, listValues: definition.listValues, regexHint: definition.regexHint }))}
          values={values}
        />
      )}
    </SidebarSection>
  );
};
