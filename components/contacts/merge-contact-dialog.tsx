import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/contact-sidebar/action-button';
import { closedPanelHref, panelHref, type ContactPanel } from '@/components/contact-sidebar/contact-panel';
import { Avatar } from '@/components/ui/avatar';
import { GetForm } from '@/components/ui/get-form';
import { mergeContactsAction } from '@/lib/actions/contacts';
import type { ContactCard } from '@/lib/domain/contacts/get-contact';
import { previewMerge, type MergePreview } from '@/lib/domain/contacts/preview-merge';
import type { Ctx } from '@/lib/domain/context';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import { isDomainError } from '@/lib/domain/errors';
import { searchContacts } from '@/lib/domain/search/search-contacts';
import { SEARCH_QUERY_MIN_LENGTH } from '@/lib/domain/search/search-query';
import { contactError } from './contact-error';

type Props = { ctx: Ctx; contact: ContactCard; panel: Extract<ContactPanel, { kind: 'merge' }>; href: string };

const displayName = (contact: { name: string; email: string | null; phone: string | null }) => contact.name || contact.email || contact.phone || '';

// A card field's label: the edit form's own words (avatarUrl is the picture).
const FIELD_KEYS: Record<string, string> = { avatarUrl: 'avatar', identifier: 'identifier' };

// One side of the merge: who it is and how to reach them.
const Side = ({ title, contact }: { title: string; contact: ContactCard }) => (
  <section aria-label={title} className="rounded-md border border-slate-200 p-3">
    <h3 className="text-xs font-semibold text-slate-500 uppercase">{title}</h3>
    <div className="mt-2 flex items-center gap-2">
      <Avatar name={displayName(contact)} src={contact.avatarUrl} size="sm" />
      <p className="min-w-0 truncate font-medium">{displayName(contact)}</p>
    </div>
    <p className="mt-1 truncate text-sm text-slate-600">{[contact.email, contact.phone].filter(Boolean).join(' · ')}</p>
  </section>
);

// K3 "Combinar contacto": search the contact to merge (name, email or phone), see the one that
// stays and the one that goes (swappable) and what moves, then confirm. Every step is a URL.
export const MergeContactDialog = async ({ ctx, contact, panel, href }: Props) => {
  const t = await getTranslations('contacts.merge');
  const tAll = await getTranslations();
  const searchHref = new URL(panelHref(href, 'merge'), 'http://bandeja.invalid');

  let body: React.ReactNode = null;
  if (panel.mergeWith !== null) {
    const [primaryId, secondaryId] = panel.swap ? [panel.mergeWith, contact.id] : [contact.id, panel.mergeWith];
    let preview: MergePreview | null = null;
    let refusal: string | null = null;
    try {
      preview = await previewMerge(ctx, { primaryId, secondaryId });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const text = contactError({ error: error.code, details: error.details });
      refusal = text ? tAll(text.key, text.values) : null;
    }
    if (refusal || !preview) {
      body = (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {refusal}
        </p>
      );
    } else {
      const definitions = await listAttributeDefinitions(ctx, { model: 'contact' });
      const attributeName = (key: string) => definitions.find((definition) => definition.key === key)?.displayName ?? key;
      const fieldName = (field: string) => tAll(`contacts.edit.${FIELD_KEYS[field] ?? field}`);
      const { moves } = preview;
      body = (
        <>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Side title={t('primary')} contact={preview.primary} />
            <Side title={t('secondary')} contact={preview.secondary} />
          </div>
          <Link
            href={panelHref(href, 'merge', { find: panel.find, mergeWith: String(panel.mergeWith), ...(panel.swap ? {} : { swap: '1' }) })}
            scroll={false}
            className="inline-block text-sm text-brand-600 underline"
          >
            {t('swap')}
          </Link>
          <section aria-label={t('moves')} className="space-y-1 text-sm">
            <h3 className="font-semibold">{t('moves')}</h3>
            <ul className="list-disc space-y-1 pl-5">
              <li>{t('movesConversations', { count: moves.conversations })}</li>
              <li>{t('movesMessages', { count: moves.messages })}</li>
              <li>{t('movesChannels', { count: moves.contactInboxes })}</li>
              {moves.attributes.added.length > 0 && <li>{t('attributesAdded', { names: moves.attributes.added.map(attributeName).join(', ') })}</li>}
              {moves.attributes.kept.length > 0 && (
                <li>{t('attributesKept', { names: moves.attributes.kept.map(attributeName).join(', '), primary: displayName(preview.primary) })}</li>
              )}
              {moves.fields.length > 0 && <li>{t('fieldsFilled', { names: moves.fields.map(fieldName).join(', ') })}</li>}
            </ul>
            <p className="text-slate-600">{t('goes', { name: displayName(preview.secondary) })}</p>
          </section>
          <ActionButton
            action={mergeContactsAction}
            fields={{ primaryId, secondaryId, returnTo: closedPanelHref(href) }}
            className="w-full rounded-md bg-brand-500 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60 sm:w-auto"
          >
            {t('confirm')}
          </ActionButton>
        </>
      );
    }
  } else if ([...panel.find.trim()].length > 0 && [...panel.find.trim()].length < SEARCH_QUERY_MIN_LENGTH) {
    body = <p className="text-sm text-slate-500">{t('tooShort', { min: SEARCH_QUERY_MIN_LENGTH })}</p>;
  } else if (panel.find.trim()) {
    const found = (await searchContacts(ctx, { q: panel.find, limit: 10 })).filter((item) => item.contact.id !== contact.id);
    body =
      found.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noResults')}</p>
      ) : (
        <ul aria-label={t('results')} className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {found.map(({ contact: other }) => (
            <li key={other.id}>
              <Link
                href={panelHref(href, 'merge', { find: panel.find, mergeWith: String(other.id) })}
                scroll={false}
                className="flex items-center gap-2 px-3 py-2 text-sm hover:bg-slate-50"
              >
                <Avatar name={displayName(other)} src={other.avatarUrl} size="sm" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{displayName(other)}</span>
                  <span className="block truncate text-xs text-slate-500">{[other.email, other.phone].filter(Boolean).join(' · ')}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      );
  }

  return (
    <>
      <p className="text-sm text-slate-600">{t('intro', { name: displayName(contact) })}</p>
      <GetForm action={searchHref.pathname} scroll={false} className="flex gap-2" role="search" aria-label={t('search')}>
        {[...searchHref.searchParams].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="sr-only" htmlFor="merge-find">
          {t('search')}
        </label>
        <input
          id="merge-find"
          name="find"
          type="search"
          defaultValue={panel.find}
          placeholder={t('placeholder')}
          data-autofocus={panel.mergeWith === null ? true : undefined}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50">
          {t('searchButton')}
        </button>
      </GetForm>
      {body}
    </>
  );
};
