import { createRng, deriveSeed } from '@/db/seed/prng';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/context';
import type { TConversationFilter } from '@/lib/domain/conversations/filters/build-filter';
import { countViews } from '@/lib/domain/conversations/list/count-views';
import { listConversations } from '@/lib/domain/conversations/list/list-conversations';
import type { TListQueryInput, TListViewInput } from '@/lib/domain/conversations/list/list-query';
import { searchContacts } from '@/lib/domain/search/search-contacts';
import { searchMessages } from '@/lib/domain/search/search-messages';
import { benchCtx, type BenchPeople } from './bench-context';
import type { SearchTerms } from './search-terms';

// What the benchmark measures: each call the conversation list panel, the views panel and the search
// box make, as an agent and as an administrator, with parameters that vary from run to run (who asks,
// which inbox / label / team / saved view, which tab, which search term).

export type ScenarioGroup = 'list' | 'views' | 'filter' | 'messages' | 'contacts';

export type Scenario = {
  id: string;
  title: string;
  group: ScenarioGroup;
  actor: 'agent' | 'administrator';
  // The p95 target in ms, when it sets one for this operation.
  target: number | null;
  // The i-th call (its parameters follow from i).
  run: (i: number) => Promise<unknown>;
  // What the call is compared with instead of the bare replay of its SQL (the API scenarios: the
  // domain call the route wraps).
  baseline?: (i: number) => Promise<unknown>;
};

// Issue #3 Performance: "list page + counts p95 <= 25 ms; message search over all history p95 <= 50 ms".
export const LIST_TARGET_MS = 25;
export const MESSAGE_SEARCH_TARGET_MS = 50;

const TABS = ['mine', 'unassigned', 'all'] as const;
const OTHER_STATUSES = ['resolved', 'pending', 'snoozed', 'all'] as const;
const OTHER_SORTS = ['created', 'priority', 'waiting', 'recent'] as const;
const ACTORS = ['agent', 'administrator'] as const;

type ScenarioContext = { db: Db; people: BenchPeople; labelIds: number[]; teamIds: number[]; terms: SearchTerms };

const pickActor = (people: BenchPeople, kind: 'agent' | 'administrator', i: number): Actor => {
  const list = kind === 'agent' ? people.agents : people.administrators;
  return list[i % list.length]!;
};

// The view of the i-th call: the actor's own inboxes, teams and saved views; any label.
const viewFor = (kind: TListViewInput['kind'], actor: Actor, i: number, context: ScenarioContext): TListViewInput => {
  const rng = createRng(deriveSeed(31, i));
  switch (kind) {
    case 'inbox':
      return { kind, inboxId: rng.pick(actor.inboxIds) };
    case 'label':
      return { kind, labelId: rng.pick(context.labelIds) };
    case 'team':
      return { kind, teamId: rng.pick(actor.role === 'administrator' || actor.teamIds.length === 0 ? context.teamIds : actor.teamIds) };
    case 'saved':
      return { kind, savedViewId: rng.pick(context.people.savedViewIds.get(actor.userId) ?? [0]) };
    default:
      return { kind } as TListViewInput;
  }
};

// L4 with three conditions, the combinations a filter panel gets: state + priority + label,
// assignee + inbox + recent activity, contact name + team + creation date, a custom attribute, an OR.
const filterFor = (actor: Actor, i: number, context: ScenarioContext): TConversationFilter => {
  const rng = createRng(deriveSeed(37, i));
  const label = () => rng.pick(context.labelIds);
  const variants: TConversationFilter[] = [
    {
      operator: 'and',
      conditions: [
        { field: 'status', op: 'equal', value: ['open', 'pending'] },
        { field: 'priority', op: 'equal', value: ['urgent', 'high'] },
        { field: 'label', op: 'equal', value: [label()] },
      ],
    },
    {
      operator: 'and',
      conditions: [
        { field: 'assignee', op: 'equal', value: ['me'] },
        { field: 'inbox', op: 'equal', value: [rng.pick(actor.inboxIds)] },
        { field: 'last_activity_at', op: 'last_n_days', value: 30 },
      ],
    },
    {
      operator: 'and',
      conditions: [
        { field: 'contact_name', op: 'contains', value: rng.pick(['gonzalez', 'Martínez', 'lopez', 'Núñez']) },
        { field: 'team', op: 'equal', value: [rng.pick(context.teamIds)] },
        { field: 'created_at', op: 'after', value: '2026-01-01' },
      ],
    },
    {
      operator: 'and',
      conditions: [
        { field: 'conversation_attribute:canal_venta', op: 'equal', value: [rng.pick(['Marketplace', 'Tienda en línea'])] },
        { field: 'status', op: 'equal', value: ['open'] },
        { field: 'assignee', op: 'present' },
      ],
    },
    {
      operator: 'or',
      conditions: [
        { field: 'label', op: 'equal', value: [label()] },
        { field: 'label', op: 'equal', value: [label()] },
        { field: 'priority', op: 'equal', value: ['urgent'] },
      ],
    },
  ];
  return variants[i % variants.length]!;
};

const listScenarios = (context: ScenarioContext): Scenario[] => {
  const views: Array<[TListViewInput['kind'], string]> = [
    ['all', 'All conversations (V1)'],
    ['mentions', 'Mentions (V2)'],
    ['unattended', 'Unattended (V3)'],
    ['inbox', 'Inbox view (V4)'],
    ['label', 'Label view (V5)'],
    ['team', 'Team view (V6)'],
    ['saved', 'Saved view (V7)'],
  ];
  return ACTORS.flatMap((actorKind) => [
    ...views.map(
      ([kind, title]): Scenario => ({
        id: `list.${kind}.${actorKind}`,
        title: `${title}: first page + tab counts`,
        group: 'list',
        actor: actorKind,
        target: LIST_TARGET_MS,
        run: (i) => {
          const actor = pickActor(context.people, actorKind, i);
          return listConversations(benchCtx(context.db, actor), viewFor(kind, actor, i, context), { tab: TABS[i % TABS.length] });
        },
      }),
    ),
    {
      id: `list.all-other-status-sort.${actorKind}`,
      title: 'All conversations, other status (L2) and sort (L3)',
      group: 'list',
      actor: actorKind,
      target: LIST_TARGET_MS,
      run: (i) => {
        const actor = pickActor(context.people, actorKind, i);
        const query: TListQueryInput = {
          tab: TABS[i % TABS.length],
          status: OTHER_STATUSES[i % OTHER_STATUSES.length],
          sort: OTHER_SORTS[Math.floor(i / OTHER_STATUSES.length) % OTHER_SORTS.length],
        };
        return listConversations(benchCtx(context.db, actor), { kind: 'all' }, query);
      },
    },
    {
      id: `views.count.${actorKind}`,
      title: 'Views panel counts (countViews)',
      group: 'views',
      actor: actorKind,
      target: null,
      run: (i) => countViews(benchCtx(context.db, pickActor(context.people, actorKind, i))),
    },
    {
      id: `filter.three-conditions.${actorKind}`,
      title: 'Filter panel (L4), three conditions: first page + tab counts',
      group: 'filter',
      actor: actorKind,
      target: LIST_TARGET_MS,
      run: (i) => {
        const actor = pickActor(context.people, actorKind, i);
        return listConversations(benchCtx(context.db, actor), { kind: 'all' }, { tab: TABS[i % TABS.length], status: 'all', filter: filterFor(actor, i, context) });
      },
    },
  ]);
};

const searchScenarios = (context: ScenarioContext): Scenario[] =>
  ACTORS.flatMap((actorKind) => [
    ...Object.entries(context.terms.messages).map(
      ([category, terms]): Scenario => ({
        id: `messages.${category}.${actorKind}`,
        title: `Message search (L1), ${category} term`,
        group: 'messages',
        actor: actorKind,
        target: MESSAGE_SEARCH_TARGET_MS,
        run: (i) => searchMessages(benchCtx(context.db, pickActor(context.people, actorKind, i)), { q: terms[i % terms.length]! }),
      }),
    ),
    ...Object.entries(context.terms.contacts).map(
      ([category, terms]): Scenario => ({
        id: `contacts.${category}.${actorKind}`,
        title: `Contact search (L1), ${category}`,
        group: 'contacts',
        actor: actorKind,
        target: null,
        run: (i) => searchContacts(benchCtx(context.db, pickActor(context.people, actorKind, i)), { q: terms[i % terms.length]! }),
      }),
    ),
  ]);

// Every scenario, in report order.
export const buildScenarios = (context: ScenarioContext): Scenario[] => [...listScenarios(context), ...searchScenarios(context)];
