'use client';

import { useTranslations } from 'next-intl';
import { useRealtimeEvents } from '@/components/realtime/realtime-provider';
import { currentPermission } from './browser-notifications';

// Shows a browser notification for each notification.created while this tab is hidden, when the
// agent granted the permission and did not switch browser notifications off (notifyByBrowser).
// Clicking it brings the tab back on the conversation.
export const BrowserNotifier = ({ enabled }: { enabled: boolean }) => {
  const t = useTranslations('notifications');
  useRealtimeEvents(({ event, data }) => {
    if (event !== 'notification.created' || !enabled || document.visibilityState !== 'hidden') return;
    if (currentPermission() !== 'granted') return;
    // This device gets the same notification as a Web Push (the service worker shows it): once is enough.
    void (navigator.serviceWorker?.getRegistration() ?? Promise.resolve(undefined))
      .then((registration) => registration?.pushManager?.getSubscription() ?? null)
      .catch(() => null)
      .then((subscription) => !subscription && show(data));
  });
  const show = (data: Record<string, unknown>) => {
    const type = typeof data.type === 'string' && ['conversation_mention', 'conversation_assignment', 'participating_message', 'conversation_creation'].includes(data.type) ? data.type : 'participating_message';
    const conversationId = Number(data.conversationId);
    const shown = new Notification(t('browserTitle'), { body: t(`browser.${type}`), tag: `bandeja-notification-${String(data.notificationId)}` });
    shown.onclick = () => {
      window.focus();
      if (Number.isInteger(conversationId) && conversationId > 0) window.location.assign(`/all/${conversationId}`);
      shown.close();
    };
  };
  return null;
};
