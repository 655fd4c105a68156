'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { Menu } from '@/components/ui/menu';
import { deleteMessageAction } from '@/lib/actions/chat';
import type { DisplayMessage } from './message-bubble';

export type MessageViewer = { userId: number; isAdmin: boolean };

// Who is offered "Delete" on a message: the agent on their own replies and private notes, an
// administrator on anyone's (automated ones too); never on a customer's message, an activity line,
// one already deleted or one still on its way. The domain (deleteMessage, like Chatwoot's API) lets
// any agent who may see the conversation delete; the menu keeps agents to their own messages.
export const canDeleteMessage = (message: DisplayMessage, viewer: MessageViewer | null | undefined): boolean =>
  !!viewer &&
  message.messageType === 'outgoing' &&
  !message.pending &&
  message.contentAttributes.deleted !== true &&
  (viewer.isAdmin || (message.senderType === 'agent' && message.senderId === viewer.userId));

// The "⋯" menu of a message bubble: "Delete", then a confirmation step ("Delete this message?"
// Delete / Cancel) that posts deleteMessageAction. The page re-renders with the bubble deleted (the
// action revalidates it; other agents get message.updated). A <details> menu (components/ui/menu):
// keyboard reachable, a bottom sheet on a phone.
export const MessageMenu = ({ conversationId, messageId }: { conversationId: number; messageId: number }) => {
  const t = useTranslations('chat.messageMenu');
  const [state, action, pending] = useActionState(deleteMessageAction, {});
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Focus follows the step: the confirmation's button, and back to "Delete" after Cancel.
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  return (
    <span className="inline-flex flex-col items-end">
      <Menu className="relative" onToggle={(event) => !event.currentTarget.open && setConfirming(false)}>
        <summary
          aria-label={t('button')}
          title={t('button')}
          className="inline-flex min-h-6 min-w-6 cursor-pointer list-none items-center justify-center rounded px-1 text-base leading-none hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-current [&::-webkit-details-marker]:hidden">
          <span aria-hidden>⋯</span>
        </summary>
        <form action={action} className="absolute right-0 z-30 mt-1 flex w-56 max-w-[calc(100vw-1rem)] flex-col gap-2 rounded-md border border-slate-200 bg-white p-2 text-left text-sm text-slate-900 shadow-lg">
          <input type="hidden" name="conversationId" value={conversationId} />
          <input type="hidden" name="messageId" value={messageId} />
          {confirming ? (
            <>
              <p className="px-1 font-medium">{t('confirm')}</p>
              <div className="flex justify-end gap-2">
                <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
                  {t('cancel')}
                </button>
                <button ref={confirmButton} type="submit" disabled={pending} className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
                  {t('delete')}
                </button>
              </div>
            </>
          ) : (
            <button ref={deleteButton} type="button" onClick={() => setConfirming(true)} className="min-h-8 rounded px-2 py-1.5 text-left text-red-700 hover:bg-red-50">
              {t('delete')}
            </button>
          )}
        </form>
      </Menu>
      <FormError state={state} />
    </span>
  );
};
