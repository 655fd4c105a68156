import { getTranslations } from 'next-intl/server';
import { closedPanelHref, type ContactPanel } from '@/components/contact-sidebar/contact-panel';
import type { ContactCard } from '@/lib/domain/contacts/get-contact';
import type { Ctx } from '@/lib/domain/context';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { DeleteContactDialog } from './delete-contact-dialog';
import { MergeContactDialog } from './merge-contact-dialog';
import { ContactDialog } from './contact-dialog';
import { EditContactForm } from './edit-contact-form';
import { NewMessageForm } from './new-message-form';

type Props = { ctx: Ctx; contact: ContactCard; panel: ContactPanel; href: string; listHref: string };

// The inboxes I may start a conversation in (K1): email and API, never the website widget (its
// visitor writes first); an email inbox is offered disabled when the contact has no address.
const startInboxes = async (ctx: Ctx, contact: ContactCard) =>
  (await listInboxes(ctx)).flatMap((inbox) =>
    inbox.channelType === 'website' ? [] : [{ id: inbox.id, name: inbox.name, channelType: inbox.channelType, disabled: inbox.channelType === 'email' && !contact.email }],
  );

// The contact dialog the URL names (K1 new message, K2 edit, K3 merge, K4 delete), over the sidebar.
export const ContactPanelDialog = async ({ ctx, contact, panel, href, listHref }: Props) => {
  const t = await getTranslations('contacts');
  const closeHref = closedPanelHref(href);
  let content: React.ReactNode;
  switch (panel.kind) {
    case 'message': {
      const inboxes = await startInboxes(ctx, contact);
      content = inboxes.length ? <NewMessageForm contactId={contact.id} inboxes={inboxes} /> : <p className="text-sm text-slate-600">{t('message.noInboxes')}</p>;
      break;
    }
    case 'edit':
      content = <EditContactForm contact={contact} returnTo={closeHref} />;
      break;
    case 'merge':
      content = <MergeContactDialog ctx={ctx} contact={contact} panel={panel} href={href} />;
      break;
    case 'delete':
      content = <DeleteContactDialog ctx={ctx} contact={contact} listHref={listHref} />;
      break;
  }
  return (
    <ContactDialog title={t(`${panel.kind}.title`)} closeHref={closeHref} closeLabel={t('close')}>
      {content}
    </ContactDialog>
  );
};
