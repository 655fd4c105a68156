import { getTranslations } from 'next-intl/server';
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
      <section aria-labelledby="new-label" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-label" className="mb-3 font-semibold">{t('new')}</h2>
        <LabelForm />
      </section>
      <section aria-labelledby="label-list" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="label-list" className="border-b border-slate-200 p-4 font-semibold">{t('existing', { count: labels.length })}</h2>
        <ul>
          {labels.map((label) => (
            <li key={label.id} className="border-b border-slate-100 p-4 last:border-0">
              <LabelForm label={label} />
            </li>
          ))}
        </ul>
      </section>
    </SettingsPage>
  );
};

export default LabelsSettingsPage;
