'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { muteAction } from '@/lib/actions/chat';

// C3: mute this conversation's notifications for 6 hours, or unmute it.
export const MuteToggle = ({ conversationId, muted }: { conversationId: number; muted: boolean }) => {
  const t = useTranslations('chat');
  const [, action, pending] = useActionState(muteAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="mute" value={muted ? 'false' : 'true'} />
      <button type="submit" disabled={pending} aria-pressed={muted} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-50 aria-pressed:bg-slate-100">
        {muted ? t('unmute') : t('mute')}
      </button>
    </form>
  );
};
