'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { rememberNextConversation, useAfterTriage } from '@/components/keyboard/triage';
import { Menu } from '@/components/ui/menu';
import { changeStatusAction, snoozeAction } from '@/lib/actions/chat';

type Status = 'open' | 'resolved' | 'pending' | 'snoozed';

const menuItem = 'block w-full rounded px-3 py-1.5 text-left hover:bg-slate-100 max-sm:py-2.5';

// C2: the main status button (resolve, or reopen) and a menu with pending and the snooze options.
// Plain forms inside a <details> menu: they work by keyboard and without JavaScript.
export const StatusActions = ({ conversationId, status }: { conversationId: number; status: Status }) => {
  const t = useTranslations('chat.statusActions');
  const [statusState, setStatus, settingStatus] = useActionState(changeStatusAction, {});
  const [snoozeState, snooze, snoozing] = useActionState(snoozeAction, {});
  const pending = settingStatus || snoozing;
  // After resolve / pending / snooze the focus goes to the next conversation (Alt+E or a click alike).
  useAfterTriage(statusState, snoozeState);
  return (
    <div className="relative flex items-center" data-status-actions onSubmitCapture={(event) => rememberNextConversation(event.target)}>
      <form action={setStatus}>
        <input type="hidden" name="conversationId" value={conversationId} />
        <input type="hidden" name="status" value={status === 'open' ? 'resolved' : 'open'} />
        <button type="submit" disabled={pending} className="h-9 whitespace-nowrap rounded-l-md bg-brand-500 px-3 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60 max-sm:h-10">
          {status === 'open' ? t('resolve') : t('reopen')}
        </button>
      </form>
      <Menu className="group">
        <summary className="flex h-9 cursor-pointer list-none items-center rounded-r-md border-l border-brand-600 bg-brand-500 px-2 text-sm text-white hover:bg-brand-600 max-sm:h-10 [&::-webkit-details-marker]:hidden" aria-label={t('more')} title={t('more')}>
          ▾
        </summary>
        <div className="absolute right-0 z-30 mt-1 w-64 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          {status !== 'pending' && (
            <form action={setStatus}>
              <input type="hidden" name="conversationId" value={conversationId} />
              <input type="hidden" name="status" value="pending" />
              <button type="submit" className={menuItem}>{t('markPending')}</button>
            </form>
          )}
          {status === 'open' || status === 'pending' ? null : (
            <form action={setStatus}>
              <input type="hidden" name="conversationId" value={conversationId} />
              <input type="hidden" name="status" value="resolved" />
              <button type="submit" className={menuItem}>{t('resolve')}</button>
            </form>
          )}
          <p className="px-3 pt-2 pb-1 text-xs font-semibold text-slate-500 uppercase">{t('snooze')}</p>
          {(['next_reply', 'tomorrow', 'next_week'] as const).map((preset) => (
            <form key={preset} action={snooze}>
              <input type="hidden" name="conversationId" value={conversationId} />
              <input type="hidden" name="preset" value={preset} />
              <button type="submit" className={menuItem}>{t(`presets.${preset}`)}</button>
            </form>
          ))}
          <form action={snooze} className="flex items-center gap-1 px-3 py-1.5">
            <input type="hidden" name="conversationId" value={conversationId} />
            <input type="hidden" name="preset" value="custom" />
            <input type="datetime-local" name="at" required aria-label={t('pickTime')} className="min-w-0 flex-1 rounded border border-slate-300 px-1 py-0.5 text-xs" />
            <button type="submit" className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white">{t('snoozeAction')}</button>
          </form>
        </div>
      </Menu>
      <div className="absolute top-full right-0 z-20 mt-1 w-64">
        <FormError state={statusState} />
        <FormError state={snoozeState} />
      </div>
    </div>
  );
};
