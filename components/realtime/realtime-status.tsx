'use client';

import { useTranslations } from 'next-intl';
import { useIsHydrating } from '@/components/ui/use-is-hydrating';
import { useRealtime } from './realtime-provider';

// Above the panels: "Sin conexión en tiempo real — reintentando" while the connection is down
// (reading and sending still work: Postgres is the truth), and a notice raised by a live panel.
// Nothing while hydrating, as on the server: the connection may have changed state before this part
// hydrates (a sign-out the moment the page shows closes it), and a banner then would not match the
// server's HTML.
export const RealtimeStatus = () => {
  const t = useTranslations('realtime');
  const realtime = useRealtime();
  const hydrating = useIsHydrating();
  if (!realtime || hydrating) return null;
  const { offline, notice, setNotice } = realtime;
  return (
    <>
      {offline && (
        <p role="status" data-testid="realtime-offline" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
          {t('offline')}
        </p>
      )}
      {notice && (
        <div role="alert" className="flex items-center justify-center gap-3 bg-slate-800 px-4 py-1.5 text-sm text-white">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="rounded px-2 underline focus-visible:outline-2" aria-label={t('dismiss')}>
            ✕
          </button>
        </div>
      )}
    </>
  );
};
