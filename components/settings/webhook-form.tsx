'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { createWebhookAction, deleteWebhookAction, updateWebhookAction } from '@/lib/actions/webhooks';
import { WEBHOOK_EVENTS } from '@/lib/domain/webhooks/webhook-events';

const input = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

type EditableWebhook = { id: number; url: string; inboxId: number | null; subscriptions: string[] };

// Create a webhook, or edit and delete one. Works as a plain form post without JavaScript.
export const WebhookForm = ({ webhook, inboxes }: { webhook?: EditableWebhook; inboxes: { id: number; name: string }[] }) => {
  const t = useTranslations('webhooks');
  const [state, action, pending] = useActionState(webhook ? updateWebhookAction : createWebhookAction, {});
  const [deleteState, remove, deleting] = useActionState(deleteWebhookAction, {});
  const prefix = webhook ? `webhook-${webhook.id}` : 'webhook-new';
  const reason = state.error === 'INVALID_INPUT' && state.details?.field === 'url' ? String(state.details.reason ?? '') : '';
  return (
    <div className="flex flex-col gap-2">
      <form action={action} className="flex flex-col gap-3">
        {webhook && <input type="hidden" name="webhookId" value={webhook.id} />}
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${prefix}-url`}>
          {t('url')}
          <input
            id={`${prefix}-url`}
            name="url"
            type="url"
            required
            maxLength={2000}
            defaultValue={webhook?.url}
            placeholder="https://example.com/bandeja"
            aria-describedby={`${prefix}-url-hint`}
            className={`${input} w-full`}
          />
          <span id={`${prefix}-url-hint`} className="font-normal text-slate-500">{t('urlHint')}</span>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${prefix}-inbox`}>
          {t('scope')}
          <select id={`${prefix}-inbox`} name="inboxId" defaultValue={webhook?.inboxId ?? ''} className={input}>
            <option value="">{t('wholeAccount')}</option>
            {inboxes.map((inbox) => (
              <option key={inbox.id} value={inbox.id}>{inbox.name}</option>
            ))}
          </select>
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs font-medium text-slate-600">{t('events')}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="subscriptions" value={event} defaultChecked={webhook ? webhook.subscriptions.includes(event) : true} />
              {t(`event.${event}`)} <code className="text-xs text-slate-500">{event}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={pending} className="self-start rounded-md bg-brand-500 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600">
          {webhook ? t('save') : t('create')}
        </button>
      </form>
      {reason ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t(`urlProblem.${reason}` as 'urlProblem.scheme')}</p>
      ) : (
        <FormError state={state} />
      )}
      {state.ok && <p role="status" className="text-sm text-emerald-700">{t('saved')}</p>}
      {webhook && (
        <form
          action={remove}
          onSubmit={(event) => {
            if (!window.confirm(t('confirmDelete', { url: webhook.url }))) event.preventDefault();
          }}
        >
          <input type="hidden" name="webhookId" value={webhook.id} />
          <button type="submit" disabled={deleting} className="text-sm text-red-700 underline">{t('delete')}</button>
          <FormError state={deleteState} />
        </form>
      )}
    </div>
  );
};
