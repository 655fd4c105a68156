import { concernsWhatIsOpen, TRANSIENT_EVENTS } from '@/components/realtime/refresh-urgency';
import { BACKGROUND_REFRESH_MS, nextRunAt, REFRESH_DELAY_MS } from '@/components/realtime/use-coalesced-refresh';

// How many whole-page re-renders (router.refresh) the realtime events one tab heard would have made
// it ask the server for, replaying them through useCoalescedRefresh's rule (`nextRunAt`). The
// benchmark's tabs are pusher-js clients that do not
// render, so this is what 50 real dashboards would have added to the load.
export type HeardEvent = { at: number; channel: string; event: string; conversationId: unknown };


const runsOf = (requests: { at: number; wait: number }[]): number => {
  let runs = 0;
  let lastRun = -Infinity;
  let dueAt: number | null = null;
  for (const { at, wait } of requests) {
    if (dueAt !== null && dueAt <= at) {
      runs += 1;
      lastRun = dueAt;
      dueAt = null;
    }
    dueAt = nextRunAt(at, wait, lastRun, dueAt) ?? dueAt;
  }
  return runs + (dueAt === null ? 0 : 1);
};

// `openConversationId`: what the tab shows (null: a list, no conversation open).
export const pageRefreshes = (heard: HeardEvent[], openConversationId: number | null) => {
  const events = heard.filter(({ event }) => !TRANSIENT_EVENTS.has(event)).sort((a, b) => a.at - b.at);
  return {
    // Before the sixth round: every event re-read the whole page soon.
    everyEventSoon: runsOf(events.map(({ at }) => ({ at, wait: REFRESH_DELAY_MS }))),
    // Now: only what is open soon, the counts within BACKGROUND_REFRESH_MS.
    countsCanWait: runsOf(
      events.map(({ at, channel, event, conversationId }) => ({
        at,
        wait: concernsWhatIsOpen(channel, event, { conversationId }, openConversationId) ? REFRESH_DELAY_MS : BACKGROUND_REFRESH_MS,
      })),
    ),
  };
};
