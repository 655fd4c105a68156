import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/contact-sidebar/action-button';
import { deleteContactAction } from '@/lib/actions/contacts';
import type { ContactCard } from '@/lib/domain/contacts/get-contact';
import { previewDelete } from '@/lib/domain/contacts/preview-delete';
import type { Ctx } from '@/lib/domain/context';

type Props = { ctx: Ctx; contact: ContactCard; listHref: string };

// K4 "Eliminar contacto" (administrators): what is lost for good (its conversations in every
// inbox, their messages and files), then the confirmation; afterwards, back to the list.
export const DeleteContactDialog = async ({ ctx, contact, listHref }: Props) => {
  const t = await getTranslations('contacts.delete');
  if (ctx.actor.role !== 'administrator') {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
        {t('forbidden')}
      </p>
    );
  }
  const lost = await previewDelete(ctx, { contactId: contact.id });
  return (
    <>
      <p className="text-sm">{t('intro', { name: contact.name || contact.email || contact.phone || '' })}</p>
      <ul aria-label={t('lost')} className="list-disc space-y-1 pl-5 text-sm">
        <li>{t('conversations', { count: lost.conversations })}</li>
        <li>{t('messages', { count: lost.messages })}</li>
        <li>{t('attachments', { count: lost.attachments })}</li>
      </ul>
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('warning')}</p>
      <ActionButton
        action={deleteContactAction}
        fields={{ contactId: contact.id, returnTo: listHref }}
        className="w-full rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60 sm:w-auto"
      >
        {t('confirm')}
      </ActionButton>
    </>
  );
};
