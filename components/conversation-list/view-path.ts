import type { TListQueryInput, TListView } from '@/lib/domain/conversations/list/list-query';
import { listQueryToSearchParams } from '@/lib/domain/conversations/list/list-query';

// The URL of a view (V1-V7), as the views panel links to it.
export const viewPath = (view: TListView): string => {
  switch (view.kind) {
    case 'all':
    case 'mentions':
    case 'unattended':
      return `/${view.kind}`;
    case 'inbox':
      return `/inbox/${view.inboxId}`;
    case 'label':
      return `/label/${view.labelId}`;
    case 'team':
      return `/team/${view.teamId}`;
    case 'saved':
      return `/view/${view.savedViewId}`;
  }
};

// A link inside a view that keeps the list state (tab, status, sort, filter), optionally to a
// conversation of it. The page cursor is never carried over.
export const listHref = (view: TListView, query: TListQueryInput, options: { conversationId?: number } = {}) => {
  const params = listQueryToSearchParams({ ...query, cursor: undefined }, view).toString();
  const path = options.conversationId ? `${viewPath(view)}/${options.conversationId}` : viewPath(view);
  return params ? `${path}?${params}` : path;
};
