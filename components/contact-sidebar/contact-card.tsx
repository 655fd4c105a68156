import { getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/ui/avatar';
import type { ContactCard as TContactCard } from '@/lib/domain/contacts/get-contact';

// D1: who the customer is: name, how to reach them, where they work and live, their profiles.
export const ContactCard = async ({ contact }: { contact: TContactCard }) => {
  const [t, tWidget] = await Promise.all([getTranslations('sidebar.contact'), getTranslations('widget')]);
  const name = contact.name || contact.email || contact.phone || '';
  const location = [contact.city, contact.country].filter(Boolean).join(', ');
  const rows = [
    { label: t('email'), value: contact.email ? <BreakableEmail email={contact.email} /> : null },
    { label: t('phone'), value: contact.phone },
    { label: t('company'), value: contact.company },
    { label: t('location'), value: location },
  ].filter((row) => row.value);
  const links = Object.entries(contact.socialLinks);
  return (
    <section aria-label={t('title')} className="space-y-2 p-4">
      <div className="flex items-center gap-3">
        <Avatar name={name} src={contact.avatarUrl} />
        <h3 className="min-w-0 truncate font-semibold">{name}</h3>
        {contact.identityVerified && (
          <span title={tWidget('verifiedHint')} className="shrink-0 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800" data-testid="contact-verified">
            ✓ {tWidget('verified')}
          </span>
        )}
      </div>
      <dl className="space-y-1 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="flex gap-2">
            <dt className="w-20 shrink-0 text-slate-500">{row.label}</dt>
            <dd className="min-w-0 [overflow-wrap:break-word]">{row.value}</dd>
          </div>
        ))}
      </dl>
      {links.length > 0 && (
        <ul aria-label={t('social')} className="flex flex-wrap gap-2 text-sm">
          {links.map(([network, url]) => (
            <li key={network}>
              <a href={url} target="_blank" rel="noopener noreferrer" className="text-brand-600 capitalize underline">
                {network}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

// An address breaks only before its "@" and its dots, never in the middle of a word.
const BreakableEmail = ({ email }: { email: string }) => (
  <>
    {email.split(/(?=[@.])/).map((part, index) => (
      <span key={index}>
        {index > 0 && <wbr />}
        {part}
      </span>
    ))}
  </>
);
