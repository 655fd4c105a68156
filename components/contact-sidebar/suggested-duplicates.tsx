import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { SuggestedDuplicate } from '@/lib/domain/contacts/list-suggested-duplicates';
import { panelHref } from './contact-panel';

// Issue 12 #1: contacts of the account that share this contact's email or phone (a customer who
// wrote through the client API or the widget with an address another contact has gets a contact of
// their own). Each links to the merge dialog (K3) with that contact chosen; merging is the agent's call.
export const SuggestedDuplicates = async ({ duplicates, href }: { duplicates: SuggestedDuplicate[]; href: string }) => {
  if (duplicates.length === 0) return null;
  const t = await getTranslations('sidebar.contact.duplicates');
  return (
    <section aria-labelledby="suggested-duplicates" className="mx-4 mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="suggested-duplicates">
      <h3 id="suggested-duplicates" className="font-semibold text-amber-900">
        {t('title')}
      </h3>
      <p className="mt-1 text-amber-900">{t('hint')}</p>
      <ul className="mt-2 space-y-2">
        {duplicates.map((duplicate) => (
          <li key={duplicate.id} className="flex flex-wrap items-center justify-between gap-2">
            <span className="min-w-0 break-words">
              <span className="font-medium">{duplicate.name || duplicate.email || duplicate.phone}</span>{' '}
              <span className="text-slate-600">({t(duplicate.matchedBy === 'email' ? 'sameEmail' : 'samePhone')})</span>
            </span>
            <Link
              href={panelHref(href, 'merge', { mergeWith: String(duplicate.id) })}
              scroll={false}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2"
            >
              {t('merge')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
};
