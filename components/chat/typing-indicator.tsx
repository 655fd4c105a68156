'use client';

import { useTranslations } from 'next-intl';
import { usePresence, type Typist } from '@/components/realtime/conversation-presence';

// "El cliente está escribiendo…" / "Sofía está escribiendo…" above the composer; a private note is
// labelled as one (the customer never sees notes, nor this).
export const TypingIndicator = () => {
  const presence = usePresence();
  return <TypingText typists={presence?.typists ?? []} customerTyping={presence?.customerTyping ?? false} />;
};

export const TypingText = ({ typists, customerTyping = false }: { typists: Typist[]; customerTyping?: boolean }) => {
  const t = useTranslations('realtime');
  const text = [
    ...(customerTyping ? [t('customerTyping')] : []),
    ...typists.map((typist) => t(typist.isPrivate ? 'typingNote' : 'typing', { name: typist.name || t('someone') })),
  ].join(' · ');
  return (
    <p aria-live="polite" data-testid="typing-indicator" className="min-h-5 px-4 text-xs text-slate-500 italic">
      {text}
    </p>
  );
};
