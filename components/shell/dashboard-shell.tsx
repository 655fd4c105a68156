import { getTranslations } from 'next-intl/server';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { RealtimeStatus } from '@/components/realtime/realtime-status';
import { ViewsPanel } from '@/components/views-panel/views-panel';
import type { Ctx } from '@/lib/domain/context';
import { loadNotifyByBrowser } from '@/lib/domain/notifications/browser-preference';
import { browserRealtimeConfig } from '@/lib/realtime/client-config';
import { BrowserNotifier, KeyboardShortcuts, ServiceWorkerRegistration, ViewsDrawer } from './background-tasks';
import { UserMenu } from './user-menu';

// The three-panel frame: views (red) | list (green) | chat (blue). The views panel is a column on a
// desktop and a drawer on a phone, opened by a #views link (CSS :target without JS; ViewsDrawer with it).
// Everything inside is live: one realtime connection per tab (RealtimeProvider) re-reads the page
// on the agent's inbox, account and user events; the banner above says when it is offline.
export const DashboardShell = async ({ ctx, children }: { ctx: Ctx; children: React.ReactNode }) => {
  const [t, notifyByBrowser] = await Promise.all([getTranslations('shell'), loadNotifyByBrowser(ctx)]);
  return (
    <RealtimeProvider config={browserRealtimeConfig()} accountId={ctx.actor.accountId} userId={ctx.actor.userId} inboxIds={ctx.actor.inboxIds}>
      <BrowserNotifier enabled={notifyByBrowser} />
      <ServiceWorkerRegistration signedIn />
      <KeyboardShortcuts />
      <ViewsDrawer drawerId="views" pageId="main" />
      <div className="flex h-dvh flex-col overflow-hidden">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-2">
          {t('skipToContent')}
        </a>
        <RealtimeStatus />
        <div className="flex min-h-0 flex-1">
          <aside
            id="views"
            aria-label={t('viewsPanel')}
            className="fixed inset-0 z-40 hidden bg-slate-900/40 data-open:flex md:static md:z-auto md:flex md:bg-transparent [html:not([data-drawer])_&]:target:flex"
          >
            <div className="flex h-full w-72 max-w-[85vw] flex-col border-r border-slate-200 bg-white md:w-60">
              <div className="flex items-center justify-between gap-2 px-4 py-3">
                <span className="text-brand-600 text-lg font-bold tracking-tight">bandeja</span>
                <div className="flex items-center gap-1">
                  <NotificationBell ctx={ctx} />
                  <a href="#" className="rounded p-1 text-slate-500 md:hidden" aria-label={t('closeMenu')}>
                    ✕
                  </a>
                </div>
              </div>
              <ViewsPanel ctx={ctx} />
              <UserMenu ctx={ctx} />
            </div>
            <a href="#" className="flex-1 md:hidden" aria-label={t('closeMenu')} tabIndex={-1} />
          </aside>
          <div id="main" className="flex min-w-0 flex-1">
            {children}
          </div>
        </div>
      </div>
    </RealtimeProvider>
  );
};
