import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveTab } from '@/bench/http/live-tabs';
import { BACKGROUND_REFRESH_MS, QUICK_DELAY_MS, REFRESH_DELAY_MS, REFRESH_MIN_INTERVAL_MS } from '@/components/realtime/use-coalesced-refresh';

// bench:http's `--tabs=live`: the requests an open list tab makes when it hears events, at the times
// the dashboard's rules make them. The load figures count these requests.
const inbox = 'private-account-1-inbox-3';

describe('liveTab', () => {
  let listReads: number[];
  let pageRefreshes: number[];
  let tab: ReturnType<typeof liveTab>;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    listReads = [];
    pageRefreshes = [];
    tab = liveTab(
      { listRead: async () => void listReads.push(performance.now()), pageRefresh: async () => void pageRefreshes.push(performance.now()) },
      { tab: 'all', status: 'open', userId: 5, shownIds: new Set() },
    );
  });
  afterEach(() => {
    tab.stop();
    vi.useRealTimers();
  });

  it('a burst of messages in an inbox: the list once, at once; the page once, with the counts', () => {
    const start = performance.now();
    for (let index = 0; index < 5; index++) tab.heard(inbox, 'message.created', { conversationId: 100 + index });
    vi.advanceTimersByTime(QUICK_DELAY_MS);
    expect(listReads.map((at) => at - start)).toEqual([QUICK_DELAY_MS]);
    expect(pageRefreshes).toEqual([]);
    vi.advanceTimersByTime(BACKGROUND_REFRESH_MS);
    expect(pageRefreshes.map((at) => at - start)).toEqual([BACKGROUND_REFRESH_MS]);
    expect(listReads).toHaveLength(1);
  });

  it('a steady stream: the list at most once a second', () => {
    for (let index = 0; index < 20; index++) {
      tab.heard(inbox, 'message.created', { conversationId: 100 + index });
      vi.advanceTimersByTime(250);
    }
    vi.advanceTimersByTime(REFRESH_MIN_INTERVAL_MS);
    // 5 s of events, one every 250 ms: runs 1 s apart.
    expect(listReads.length).toBeGreaterThanOrEqual(5);
    expect(listReads.length).toBeLessThanOrEqual(6);
    for (let index = 1; index < listReads.length; index++) expect(listReads[index]! - listReads[index - 1]!).toBeGreaterThanOrEqual(REFRESH_MIN_INTERVAL_MS);
  });

  it("another agent's conversation: the list of a 'Mías' tab that does not show it stays, the counts re-read", () => {
    tab.stop();
    tab = liveTab(
      { listRead: async () => void listReads.push(performance.now()), pageRefresh: async () => void pageRefreshes.push(performance.now()) },
      { tab: 'mine', status: 'open', userId: 5, shownIds: new Set([7]) },
    );
    tab.heard(inbox, 'message.created', { conversationId: 9, conversation: { status: 'open', assigneeId: 6 } });
    vi.advanceTimersByTime(BACKGROUND_REFRESH_MS);
    expect(listReads).toEqual([]);
    expect(pageRefreshes).toHaveLength(1);
    tab.heard(inbox, 'message.created', { conversationId: 7, conversation: { status: 'open', assigneeId: 6 } });
    vi.advanceTimersByTime(REFRESH_MIN_INTERVAL_MS);
    expect(listReads).toHaveLength(1);
  });

  it('the bell soon, typing never, and nothing after stop', () => {
    tab.heard(inbox, 'conversation.typing_on', { conversationId: 7 });
    tab.heard('private-user-5', 'notification.created', { conversationId: 7 });
    vi.advanceTimersByTime(REFRESH_DELAY_MS);
    expect(pageRefreshes).toHaveLength(1);
    expect(listReads).toEqual([]);
    tab.heard(inbox, 'message.created', { conversationId: 7 });
    tab.stop();
    vi.advanceTimersByTime(BACKGROUND_REFRESH_MS * 2);
    expect(listReads).toEqual([]);
    expect(pageRefreshes).toHaveLength(1);
  });
});
