'use client';

import { useTranslations } from 'next-intl';
import { useRealtime } from './realtime-provider';

// Above the panels: "Sin conexión en tiempo real — reintentando" while the connection is down
// (reading and sending still work: Postgres is the truth), and a notice raised by a live panel.
export const RealtimeStatus = () => {
  const t = useTranslations('realtime');
  const realtime = useRealtime();
  if (!realtime) return null;
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
