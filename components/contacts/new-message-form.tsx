'use client';

import { useTranslations } from 'next-intl';
import { startConversationAction } from '@/lib/actions/contacts';
import { FieldError } from './field-error';
import { useContactForm } from './use-contact-form';

type StartInbox = { id: number; name: string; channelType: 'api' | 'email'; disabled: boolean };
type Props = { contactId: number; inboxes: StartInbox[] };

const FIELDS = ['inboxId', 'content'] as const;
const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500';

// K1 "Nuevo mensaje": one of my inboxes that can write first (email, API), the first message, and
// "Enviar" lands in the new conversation. An email inbox needs the contact's email address.
export const NewMessageForm = ({ contactId, inboxes }: Props) => {
  const t = useTranslations('contacts.message');
  const { formAction, onSubmit, pending, error } = useContactForm(startConversationAction, FIELDS);
  const first = inboxes.find((inbox) => !inbox.disabled);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="contactId" value={contactId} />
      <FieldError error={error} field="" />
      <div>
        <label htmlFor="new-message-inbox" className="block text-sm font-medium text-slate-700">
          {t('inbox')}
        </label>
        <select id="new-message-inbox" name="inboxId" defaultValue={first ? String(first.id) : ''} required aria-invalid={error?.field === 'inboxId'} className={input}>
          {inboxes.map((inbox) => (
            <option key={inbox.id} value={inbox.id} disabled={inbox.disabled}>
              {inbox.disabled ? t('needsEmail', { inbox: inbox.name }) : t(`channel_${inbox.channelType}`, { inbox: inbox.name })}
            </option>
          ))}
        </select>
        <FieldError error={error} field="inboxId" />
      </div>
      <div>
        <label htmlFor="new-message-content" className="block text-sm font-medium text-slate-700">
          {t('content')}
        </label>
        <textarea
          id="new-message-content"
          name="content"
          rows={5}
          required
          data-autofocus
          aria-invalid={error?.field === 'content'}
          aria-describedby={error?.field === 'content' ? 'new-message-content-error' : undefined}
          className={input}
        />
        <FieldError id="new-message-content-error" error={error} field="content" />
      </div>
      <button type="submit" disabled={pending || !first} className="w-full rounded-md bg-brand-500 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60 sm:w-auto">
        {t('submit')}
      </button>
    </form>
  );
};
