'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { MailIcon, iconButton } from '@/components/ui/icons';
import { Menu } from '@/components/ui/menu';
import { sendTranscriptAction } from '@/lib/actions/chat';
import { retryMailAction } from '@/lib/actions/outbox';

type Props = { conversationId: number; contactEmail: string | null; hasAssignee: boolean };

// C4: email the customer-visible history to the contact (only when they have an email), to the
// assigned agent, or to another address. Shows whether it was sent, stored in the outbox, or failed
// (then the same form sends it again).
export const TranscriptMenu = ({ conversationId, contactEmail, hasAssignee }: Props) => {
  const t = useTranslations('chat.transcript');
  const [state, action, pending] = useActionState(sendTranscriptAction, {});
  const [retryState, retry, retrying] = useActionState(retryMailAction, {});
  const failed = state.details?.status === 'failed' && retryState.details?.status !== 'sent';
  const defaultTo = contactEmail ? 'contact' : hasAssignee ? 'assignee' : 'other';
  return (
    <Menu className="relative" closeOnSubmit={false}>
      <summary className={iconButton} aria-label={t('button')} title={t('button')}>
        <MailIcon />
      </summary>
      <form action={action} className="absolute right-0 z-30 mt-1 flex w-72 max-w-[calc(100vw-1rem)] flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg">
        <p className="font-semibold">{t('button')}</p>
        <input type="hidden" name="conversationId" value={conversationId} />
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-medium">{t('sendTo')}</legend>
          {contactEmail && (
            <label className="flex min-h-8 items-center gap-2">
              <input type="radio" className="shrink-0" name="to" value="contact" defaultChecked={defaultTo === 'contact'} />
              <span className="min-w-0 break-all">{t('contact', { email: contactEmail })}</span>
            </label>
          )}
          {hasAssignee && (
            <label className="flex min-h-8 items-center gap-2">
              <input type="radio" className="shrink-0" name="to" value="assignee" defaultChecked={defaultTo === 'assignee'} />
              {t('assignee')}
            </label>
          )}
          <label className="flex min-h-8 items-center gap-2">
            <input type="radio" className="shrink-0" name="to" value="other" defaultChecked={defaultTo === 'other'} />
            {t('other')}
          </label>
          <input type="email" name="email" maxLength={320} placeholder={t('emailPlaceholder')} aria-label={t('otherAddress')} className="w-full min-w-0 rounded border border-slate-300 px-2 py-1" />
        </fieldset>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-500 px-3 py-1.5 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {t('send')}
        </button>
        <FormError state={state} />
        {state.ok && state.details?.status && !retryState.ok && (
          <p role="status" className={failed ? 'text-red-700' : 'text-emerald-700'}>{t(`result.${state.details.status}`)}</p>
        )}
        {retryState.ok && retryState.details?.status && (
          <p role="status" className={retryState.details.status === 'failed' ? 'text-red-700' : 'text-emerald-700'}>{t(`result.${retryState.details.status}`)}</p>
        )}
        <FormError state={retryState} />
        {failed && (
          <button type="submit" formAction={retry} name="outboxId" value={String(state.details?.outboxId)} disabled={retrying} className="rounded-md border border-red-300 px-3 py-1.5 text-red-700">
            {t('retry')}
          </button>
        )}
      </form>
    </Menu>
  );
};
