import { concernsWhatIsOpen, listMayChange, TRANSIENT_EVENTS, type ShownList } from '@/components/realtime/refresh-urgency';
import { BACKGROUND_REFRESH_MS, nextRunAt, QUICK_DELAY_MS, REFRESH_DELAY_MS } from '@/components/realtime/use-coalesced-refresh';

// What an open dashboard tab asks the server for when it hears realtime events, made for real (the
// load phase's `--tabs=live`): the list's first page again (the server action of
// conversation-cards.tsx, after a list event that can change its cards, QUICK_DELAY_MS) and the whole page again
// (router.refresh, realtime-provider.tsx: soon for what concerns the open page, within
// BACKGROUND_REFRESH_MS otherwise), each coalesced by the dashboard's own rule (`nextRunAt`). The
// tab shows a list (no conversation open), as refresh-simulation.ts assumes: `list`, its tab, status
// filter and cards. Not modelled: a hidden
// tab waits until shown, and a tab holds its re-reads for a moment after its own posts.

export const TAB_KINDS = ['tab list', 'tab page'] as const;
export type TabKind = (typeof TAB_KINDS)[number];

export type TabRequests = { listRead: () => Promise<void>; pageRefresh: () => Promise<void> };

// `run` once per burst of requests, as useCoalescedRefresh schedules it, in real time.
const coalesced = (run: () => Promise<void>) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dueAt: number | null = null;
  let lastRun = -Infinity;
  let stopped = false;
  return {
    request: (wait: number) => {
      if (stopped) return;
      const now = performance.now();
      const at = nextRunAt(now, wait, lastRun, dueAt);
      if (at === null) return;
      if (timer) clearTimeout(timer);
      dueAt = at;
      timer = setTimeout(() => {
        timer = null;
        dueAt = null;
        lastRun = performance.now();
        void run();
      }, at - now);
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};

export const liveTab = ({ listRead, pageRefresh }: TabRequests, list: ShownList) => {
  const cards = coalesced(listRead);
  const page = coalesced(pageRefresh);
  return {
    heard: (channel: string, event: string, data: Record<string, unknown>) => {
      if (TRANSIENT_EVENTS.has(event)) return;
      if (listMayChange(event, data, list)) cards.request(QUICK_DELAY_MS);
      page.request(concernsWhatIsOpen(channel, event, data, null) ? REFRESH_DELAY_MS : BACKGROUND_REFRESH_MS);
    },
    stop: () => {
      cards.stop();
      page.stop();
    },
  };
};
