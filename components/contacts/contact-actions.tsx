import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { panelHref, type ContactPanel } from '@/components/contact-sidebar/contact-panel';

type Props = { href: string; isAdministrator: boolean };

const button = 'rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50';

// The contact card's actions (K1-K4): links that open their dialog; "Eliminar" for administrators.
export const ContactActions = async ({ href, isAdministrator }: Props) => {
  const t = await getTranslations('contacts');
  const kinds: Array<ContactPanel['kind']> = ['message', 'edit', 'merge', ...(isAdministrator ? (['delete'] as const) : [])];
  return (
    <nav aria-label={t('actions')} className="flex flex-wrap gap-2 px-4 pb-4">
      {kinds.map((kind) => (
        <Link key={kind} href={panelHref(href, kind)} scroll={false} className={kind === 'delete' ? `${button} text-red-700` : button}>
          {t(`${kind}.open`)}
        </Link>
      ))}
    </nav>
  );
};
