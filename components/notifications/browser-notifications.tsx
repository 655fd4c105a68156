'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useRealtimeEvents } from '@/components/realtime/realtime-provider';

type Permission = NotificationPermission | 'unsupported';

const currentPermission = (): Permission => (typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported');

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

// "Activar notificaciones del navegador": the permission is asked only when the agent presses it
// (in the bell's panel), never on page load.
export const BrowserPermissionButton = () => {
  const t = useTranslations('notifications');
  const [permission, setPermission] = useState<Permission>('unsupported');
  useEffect(() => setPermission(currentPermission()), []);
  if (permission === 'unsupported') return null;
  if (permission === 'granted') return <p className="text-xs text-slate-500">{t('browserEnabled')}</p>;
  if (permission === 'denied') return <p className="text-xs text-slate-500">{t('browserBlocked')}</p>;
  return (
    <button
      type="button"
      onClick={() => void Notification.requestPermission().then(setPermission)}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
    >
      {t('enableBrowser')}
    </button>
  );
};
