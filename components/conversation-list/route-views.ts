import type { TListViewInput } from '@/lib/domain/conversations/list/list-query';

export type RouteParams = Record<string, string>;

// Which view (V1-V7) each route folder is, from its params: its layout renders the list, its page
// the chat panel.
export const routeViews = {
  // V1 "Todas las conversaciones".
  all: () => ({ kind: 'all' }),
  // V2 "Menciones": conversations where a teammate @mentioned me, newest mention first.
  mentions: () => ({ kind: 'mentions' }),
  // V3 "Desatendido": first reply pending, or the customer wrote again.
  unattended: () => ({ kind: 'unattended' }),
  // V4: one view per inbox.
  inbox: (params: RouteParams) => ({ kind: 'inbox', inboxId: params.inboxId }),
  // V5: one view per label.
  label: (params: RouteParams) => ({ kind: 'label', labelId: params.labelId }),
  // V6: one view per team.
  team: (params: RouteParams) => ({ kind: 'team', teamId: params.teamId }),
  // V7: a saved view (a filter saved under a name).
  saved: (params: RouteParams) => ({ kind: 'saved', savedViewId: params.viewId }),
} satisfies Record<string, (params: RouteParams) => TListViewInput>;
