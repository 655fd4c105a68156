'use client';

import { useTranslations } from 'next-intl';
import { usePresence } from '@/components/realtime/conversation-presence';
import { Avatar } from '@/components/ui/avatar';

const SHOWN = 3;

// Who else has this conversation open (presence), as small avatars in the chat header.
export const ViewingAvatars = () => {
  const t = useTranslations('realtime');
  const viewers = usePresence()?.viewers ?? [];
  if (viewers.length === 0) return null;
  const names = viewers.map((viewer) => viewer.name || t('someone'));
  const label = t('viewing', { names: names.join(', '), count: viewers.length });
  return (
    <div role="img" aria-label={label} title={label} data-testid="viewing-avatars" className="flex items-center -space-x-1.5">
      {viewers.slice(0, SHOWN).map((viewer, index) => (
        <span key={viewer.id} className="rounded-full ring-2 ring-white">
          <Avatar name={names[index]} src={viewer.avatarUrl} size="sm" />
        </span>
      ))}
      {viewers.length > SHOWN && <span className="ml-2 text-xs text-slate-500">+{viewers.length - SHOWN}</span>}
    </div>
  );
};
