'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { BellIcon, BellOffIcon, iconButton } from '@/components/ui/icons';
import { muteAction } from '@/lib/actions/chat';

// C3: mute this conversation's notifications for 6 hours, or unmute it: an icon button with a tooltip.
export const MuteToggle = ({ conversationId, muted }: { conversationId: number; muted: boolean }) => {
  const t = useTranslations('chat');
  const [, action, pending] = useActionState(muteAction, {});
  const label = muted ? t('unmute') : t('mute');
  return (
    <form action={action}>
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="mute" value={muted ? 'false' : 'true'} />
      <button type="submit" disabled={pending} aria-pressed={muted} aria-label={label} title={label} className={iconButton}>
        {/* The icon of what a click does. */ muted ? <BellIcon /> : <BellOffIcon />}
      </button>
    </form>
  );
};
