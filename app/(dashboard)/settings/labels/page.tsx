import { getTranslations } from 'next-intl/server';
import { Card, ListCard } from '@/components/settings/fields';
import { LabelForm } from '@/components/settings/label-form';
import { SettingsPage } from '@/components/settings/settings-page';
import { requireCtx } from '@/lib/auth/session';
import { listLabels } from '@/lib/domain/labels/list-labels';

// V5: administrators manage the account's labels (name, colour, description, shown in the panel).
const LabelsSettingsPage = async () => {
  const ctx = await requireCtx();
  const [t, labels] = await Promise.all([getTranslations('settings.labels'), listLabels(ctx)]);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')}>
      <Card id="new-label" title={t('new')}>
        <LabelForm />
      </Card>
      <ListCard id="label-list" title={t('existing', { count: labels.length })}>
        <ul>
          {labels.map((label) => (
            <li key={label.id} className="border-b border-slate-100 p-4 last:border-0">
              <LabelForm label={label} />
            </li>
          ))}
        </ul>
      </ListCard>
    </SettingsPage>
  );
};

export default LabelsSettingsPage;
