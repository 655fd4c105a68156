'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

type State = 'unsupported' | 'off' | 'on' | 'blocked' | 'working' | 'failed';

const supported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

const keyBytes = (base64url: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
};

const sameKey = (a: ArrayBuffer | null | undefined, b: Uint8Array) => Boolean(a) && new Uint8Array(a as ArrayBuffer).every((byte, index) => byte === b[index]) && (a as ArrayBuffer).byteLength === b.length;

const currentSubscription = async () => (await navigator.serviceWorker.getRegistration())?.pushManager.getSubscription() ?? null;

// "Recibir avisos en este dispositivo" (Web Push), in the bell's panel: the browser's permission is
// asked only when the agent presses it. It subscribes this browser with the server's VAPID key and
// stores the subscription (POST /api/push); pushes then arrive with bandeja closed. Per device:
// turning it off here (DELETE /api/push) leaves the agent's other devices alone.
export const PushOptIn = () => {
  const t = useTranslations('notifications.pushOptIn');
  const [state, setState] = useState<State>('unsupported');
  useEffect(() => {
    if (!supported()) return;
    if (Notification.permission === 'denied') return setState('blocked');
    void currentSubscription().then(
      (subscription) => setState(subscription && Notification.permission === 'granted' ? 'on' : 'off'),
      () => setState('off'),
    );
  }, []);

  const enable = async () => {
    setState('working');
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') return setState(permission === 'denied' ? 'blocked' : 'off');
      await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      const registration = await navigator.serviceWorker.ready;
      const keyResponse = await fetch('/api/push');
      if (!keyResponse.ok) throw new Error('no key');
      const applicationServerKey = keyBytes(((await keyResponse.json()) as { publicKey: string }).publicKey);
      let subscription = await registration.pushManager.getSubscription();
      // Subscribed with another server key (the keys were changed): start again.
      if (subscription && !sameKey(subscription.options.applicationServerKey, applicationServerKey)) {
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
      const saved = await fetch('/api/push', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(subscription) });
      if (!saved.ok) throw new Error('not saved');
      setState('on');
    } catch {
      setState('failed');
    }
  };

  const disable = async () => {
    setState('working');
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await fetch('/api/push', { method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ endpoint: subscription.endpoint }) });
        await subscription.unsubscribe();
      }
      setState('off');
    } catch {
      setState('failed');
    }
  };

  if (state === 'unsupported') return null;
  if (state === 'blocked') return <p className="text-xs text-slate-500">{t('blocked')}</p>;
  const button = 'rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50';
  return (
    <div className="flex w-full flex-col gap-1" data-testid="push-opt-in" data-state={state}>
      {state === 'on' && <p className="text-xs text-slate-600" role="status">{t('enabled')}</p>}
      {state === 'failed' && <p className="text-xs text-red-700" role="alert">{t('failed')}</p>}
      <button type="button" disabled={state === 'working'} onClick={() => void (state === 'on' ? disable() : enable())} className={button}>
        {state === 'working' ? t('working') : state === 'on' ? t('disable') : t('enable')}
      </button>
    </div>
  );
};
