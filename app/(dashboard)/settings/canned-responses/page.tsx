import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Card, Field, buttonClass, dangerButtonClass, inputClass, secondaryButtonClass } from '@/components/settings/fields';
import { SettingsPage } from '@/components/settings/settings-page';
import { createCannedResponseAction, deleteCannedResponseAction, updateCannedResponseAction } from '@/lib/actions/settings-catalog';
import { requireCtx } from '@/lib/auth/session';
import { listCannedResponses } from '@/lib/domain/canned-responses/list-canned-responses';
import { searchCannedResponses } from '@/lib/domain/canned-responses/search-canned-responses';

type PageProps = { searchParams: Promise<{ q?: string | string[] }> };

// W2: the account's canned responses, inserted in the composer with "/short_code". Every agent
// reads and searches them; administrators create, edit and delete them.
const CannedResponsesSettingsPage = async ({ searchParams }: PageProps) => {
  const [ctx, search, t] = await Promise.all([requireCtx(), searchParams, getTranslations('settings.cannedResponses')]);
  const q = (Array.isArray(search.q) ? search.q[0] : search.q)?.slice(0, 200) ?? '';
  const admin = ctx.actor.role === 'administrator';
  const responses = q ? await searchCannedResponses(ctx, { q }) : await listCannedResponses(ctx);
  return (
    <SettingsPage ctx={ctx} title={t('title')} description={t('description')} everyone>
      <form role="search" className="flex gap-2">
        <label className="sr-only" htmlFor="canned-search">{t('search')}</label>
        <input id="canned-search" name="q" type="search" defaultValue={q} placeholder={t('search')} className={inputClass} />
        <button type="submit" className={secondaryButtonClass}>{t('searchButton')}</button>
      </form>
      {admin && (
        <Card id="new-canned" title={t('new')}>
          <ActionForm action={createCannedResponseAction} saved={t('saved')} className="grid grid-cols-1 gap-3">
            <Field label={t('shortCode')} hint={t('shortCodeHint')}>
              <input name="shortCode" required maxLength={30} pattern="[A-Za-z0-9_\-]+" className={inputClass} />
            </Field>
            <Field label={t('content')}>
              <textarea name="content" required maxLength={5000} rows={3} className={inputClass} />
            </Field>
            <div>
              <button type="submit" className={buttonClass}>{t('create')}</button>
            </div>
          </ActionForm>
        </Card>
      )}
      <Card id="canned-list" title={t('existing', { count: responses.length })}>
        <ul className="divide-y divide-slate-100">
          {responses.map((response) => (
            <li key={response.id} className="py-3">
              {admin ? (
                <>
                  <ActionForm action={updateCannedResponseAction} saved={t('saved')} className="grid grid-cols-1 gap-2">
                    <input type="hidden" name="cannedResponseId" value={response.id} />
                    <Field label={t('shortCode')}>
                      <input name="shortCode" required maxLength={30} defaultValue={response.shortCode} className={inputClass} />
                    </Field>
                    <Field label={t('content')}>
                      <textarea name="content" required maxLength={5000} rows={2} defaultValue={response.content} className={inputClass} />
                    </Field>
                    <div>
                      <button type="submit" className={secondaryButtonClass}>{t('save')}</button>
                    </div>
                  </ActionForm>
                  <ActionForm action={deleteCannedResponseAction} confirm={t('confirmDelete', { code: response.shortCode })} className="mt-2">
                    <input type="hidden" name="cannedResponseId" value={response.id} />
                    <button type="submit" className={dangerButtonClass}>{t('delete')}</button>
                  </ActionForm>
                </>
              ) : (
                <>
                  <p className="font-mono text-sm text-brand-700">/{response.shortCode}</p>
                  <p className="text-sm whitespace-pre-wrap">{response.content}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </SettingsPage>
  );
};

export default CannedResponsesSettingsPage;
