import { notFound } from 'next/navigation';
import { ZListView, type TListView, type TListViewInput } from '@/lib/domain/conversations/list/list-query';

export type RouteParams = Record<string, string>;

// Which view (V1-V7) each route folder is, from its path params.
const viewOfRoute = {
  all: () => ({ kind: 'all' }),
  mentions: () => ({ kind: 'mentions' }),
  unattended: () => ({ kind: 'unattended' }),
  inbox: (params) => ({ kind: 'inbox', inboxId: params.inboxId }),
  label: (params) => ({ kind: 'label', labelId: params.labelId }),
  team: (params) => ({ kind: 'team', teamId: params.teamId }),
  saved: (params) => ({ kind: 'saved', savedViewId: params.viewId }),
} satisfies Record<TListView['kind'], (params: RouteParams) => TListViewInput>;

export type ViewRoute = keyof typeof viewOfRoute;

// The view a route's params name; a malformed id is a 404.
export const viewOf = (route: ViewRoute, params: RouteParams): TListView => {
  const parsed = ZListView.safeParse(viewOfRoute[route](params));
  if (!parsed.success) notFound();
  return parsed.data;
};
