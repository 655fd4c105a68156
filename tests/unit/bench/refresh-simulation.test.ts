import { describe, expect, it } from 'vitest';
import { pageRefreshes, type HeardEvent } from '@/bench/http/refresh-simulation';
import { BACKGROUND_REFRESH_MS, REFRESH_MIN_INTERVAL_MS } from '@/components/realtime/use-coalesced-refresh';

// bench:http replays what each tab heard through the dashboard's refresh rules; the figures it
// reports are only as good as this replay.
const inbox = 'private-account-1-inbox-3';
const heard = (at: number, conversationId: number, event = 'message.created', channel = inbox): HeardEvent => ({ at, channel, event, conversationId });

describe('pageRefreshes', () => {
  it('a burst is one re-render either way', () => {
    expect(pageRefreshes([heard(0, 1), heard(5, 1), heard(20, 2)], null)).toEqual({ everyEventSoon: 1, countsCanWait: 1 });
  });

  it('a steady stream about other conversations: one re-render per second before, one per BACKGROUND_REFRESH_MS now', () => {
    // An event every 500 ms for 30 s: before, runs at 0.3 s, 1.3 s, … 29.3 s and one for the last
    // events (31); now at 10, 20 and 30 s (3).
    const stream = Array.from({ length: 60 }, (_, index) => heard(index * 500, 100 + index));
    expect(REFRESH_MIN_INTERVAL_MS).toBe(1000);
    expect(BACKGROUND_REFRESH_MS).toBe(10_000);
    expect(pageRefreshes(stream, 42)).toEqual({ everyEventSoon: 31, countsCanWait: 3 });
  });

  it('the open conversation, the bell and typing: soon, and typing not at all', () => {
    const events = [heard(0, 42), heard(2000, 7, 'notification.created', 'private-user-5'), heard(4000, 42, 'conversation.typing_on')];
    expect(pageRefreshes(events, 42)).toEqual({ everyEventSoon: 2, countsCanWait: 2 });
  });
});
