import { randomUUID } from 'node:crypto';
import { ACTING_SOCKET_FIELD, ACTING_SOCKET_HEADER } from '@/lib/realtime/acting-socket';
import { listStateSegment } from '@/lib/routing/list-state-segment';

// One agent's realistic session, as the browser's requests: open their default view (the list page,
// HTML), open a conversation (HTML), switch to the next one in the app (a client navigation: the
// RSC payload of the changed segments), send a reply (the composer's POST), change its status (the
// status menu's server action, which re-renders the page in its answer), search (HTML), open the
// contact sidebar (a client navigation to ?details=1).

// `socketId`: the agent's open tab's realtime connection, named in its status and reply posts as the
// tab does (components/realtime/acting-socket.ts), so their events are not heard by that tab.
export type Agent = { email: string; cookie: string; conversationIds: number[]; loops: number; socketId?: string };

export type RequestKind = 'list' | 'conversation' | 'switch' | 'reply' | 'status' | 'search' | 'sidebar';
export const REQUEST_KINDS: RequestKind[] = ['list', 'conversation', 'switch', 'reply', 'status', 'search', 'sidebar'];

export type BenchRequest = { kind: RequestKind; method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };

export type SessionSettings = { changeStatusActionId: string; searchTerms: string[] };

// Next.js's router state of a conversation page (FlightRouterState): sent with a client navigation
// so the server renders only the segments that change, as the app's router does. `/all` with no
// query: the list state segment the middleware gives it (lib/routing/list-state-segment.ts), whose
// layout holds the list.
const routerState = (conversationId: number, details = false) =>
  encodeURIComponent(
    JSON.stringify([
      '',
      {
        children: [
          '(dashboard)',
          {
            children: [
              'all',
              {
                children: [
                  ['listState', listStateSegment(new URLSearchParams()), 'd'],
                  { children: [['conversationId', String(conversationId), 'd'], { children: [details ? '__PAGE__?{"details":"1"}' : '__PAGE__', {}, null, null] }, null, null] },
                  null,
                  null,
                ],
              },
              null,
              null,
            ],
          },
          null,
          null,
        ],
      },
      null,
      null,
      true,
    ]),
  );

// The conversations a session of this agent opens, by loop: the next pair of their list each time.
const pick = (agent: Agent, loop: number) => {
  const ids = agent.conversationIds;
  return { current: ids[(loop * 2) % ids.length]!, next: ids[(loop * 2 + 1) % ids.length]! };
};

// A multipart body as React's encodeReply writes it for `action(previousState, formData)`: the
// form's fields prefixed by the FormData's part number, then the arguments as part 0.
const actionBody = (boundary: string, fields: Record<string, string>) =>
  [...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]), ['0', '[{},"$K1"]']]
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('') + `--${boundary}--\r\n`;

export const sessionRequest = (kind: RequestKind, agent: Agent, loop: number, settings: SessionSettings): BenchRequest => {
  const { current, next } = pick(agent, loop);
  const html = { cookie: agent.cookie, accept: 'text/html', 'accept-language': 'es' };
  const rsc = (tree: string) => ({ cookie: agent.cookie, accept: '*/*', rsc: '1', 'next-router-state-tree': tree, 'next-url': `/all/${current}` });
  switch (kind) {
    case 'list':
      return { kind, method: 'GET', path: '/all', headers: html };
    case 'conversation':
      return { kind, method: 'GET', path: `/all/${current}`, headers: html };
    case 'switch':
      return { kind, method: 'GET', path: `/all/${next}?_rsc=bench`, headers: rsc(routerState(current)) };
    case 'reply':
      return {
        kind,
        method: 'POST',
        path: `/api/conversations/${next}/messages`,
        headers: { cookie: agent.cookie, 'content-type': 'application/json', ...(agent.socketId ? { [ACTING_SOCKET_HEADER]: agent.socketId } : {}) },
        body: JSON.stringify({ content: `Gracias, lo reviso ahora mismo (${loop}).`, private: false, echoId: randomUUID() }),
      };
    case 'status': {
      const boundary = `----bench${randomUUID().replaceAll('-', '')}`;
      // Pending, then open again the next time this conversation comes round.
      const status = Math.floor((loop * 2) / agent.conversationIds.length) % 2 === 0 ? 'pending' : 'open';
      return {
        kind,
        method: 'POST',
        path: `/all/${next}`,
        headers: {
          cookie: agent.cookie,
          accept: 'text/x-component',
          'next-action': settings.changeStatusActionId,
          'next-router-state-tree': routerState(next),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body: actionBody(boundary, { conversationId: String(next), status, ...(agent.socketId ? { [ACTING_SOCKET_FIELD]: agent.socketId } : {}) }),
      };
    }
    case 'search':
      return { kind, method: 'GET', path: `/search?q=${encodeURIComponent(settings.searchTerms[loop % settings.searchTerms.length]!)}`, headers: html };
    case 'sidebar':
      return { kind, method: 'GET', path: `/all/${next}?details=1&_rsc=bench`, headers: { ...rsc(routerState(next)), 'next-url': `/all/${next}` } };
  }
};
