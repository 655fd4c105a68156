'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRealtime, useRealtimeEvents } from '@/components/realtime/realtime-provider';

type Props = { contactId: number; backHref: string };

// What the open chat does beyond re-reading on every event: when its contact is deleted (and the
// conversation with it), say so and go back to the list instead of showing a "not found" page.
export const ChatLive = ({ contactId, backHref }: Props) => {
  const t = useTranslations('realtime');
  const router = useRouter();
  const realtime = useRealtime();
  useRealtimeEvents(({ event, data }) => {
    if (event !== 'contact.deleted' || data.contactId !== contactId) return;
    realtime?.setNotice(t('contactDeleted'));
    router.replace(backHref);
  });
  return null;
};
