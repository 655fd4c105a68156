'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

type Permission = NotificationPermission | 'unsupported';

export const currentPermission = (): Permission => (typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported');

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
