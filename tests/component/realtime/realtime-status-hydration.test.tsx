import { act } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RealtimeContext, type Realtime } from '@/components/realtime/realtime-provider';
import { RealtimeStatus } from '@/components/realtime/realtime-status';
import es from '@/lib/i18n/messages/es';

const realtime = (offline: boolean): Realtime => ({
  pusher: null,
  state: offline ? 'disconnected' : 'initialized',
  offline,
  userId: 1,
  listen: () => () => undefined,
  refresh: () => undefined,
  notice: null,
  setNotice: () => undefined,
});

const status = (value: Realtime) => (
  <NextIntlClientProvider locale="es" messages={es} timeZone="America/Mexico_City">
    <RealtimeContext.Provider value={value}>
      <div>
        <RealtimeStatus />
      </div>
    </RealtimeContext.Provider>
  </NextIntlClientProvider>
);

// The server renders the banner's place with the connection not started. A part of the page that
// hydrates after the connection went down (a sign-out submitted the moment the page showed closes
// it) hydrates with what the server rendered, and shows the banner right after: no hydration error
// (the last CI runs' React #418, "Sin conexión en tiempo real" only in the browser's render).
describe('the offline banner and hydration', () => {
  it('hydrates as the server rendered it when the connection is already down, then shows the banner', async () => {
    const container = document.createElement('div');
    container.innerHTML = renderToString(status(realtime(false)));
    document.body.append(container);
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, status(realtime(true)), { onRecoverableError: (error) => errors.push(error) });
    });
    expect(errors).toEqual([]);
    expect(container.querySelector('[data-testid="realtime-offline"]')?.textContent).toBe(es.realtime.offline);
  });
});
