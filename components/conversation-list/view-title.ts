import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import type { TListView } from '@/lib/domain/conversations/list/list-query';
import { getSavedView } from '@/lib/domain/saved-views/get-saved-view';
import { readInboxes, readLabels, readTeams } from '@/lib/request-reads';

// The heading of a view: its translated name, or the inbox, label, team or saved view's own name.
// The list query has already authorised the view, so these lookups only name it.
export const viewTitle = async (ctx: Ctx, view: TListView): Promise<string> => {
  const t = await getTranslations('views');
  switch (view.kind) {
    case 'all':
    case 'mentions':
    case 'unattended':
      return t(view.kind);
    case 'inbox':
      return (await readInboxes(ctx)).find((inbox) => inbox.id === view.inboxId)?.name ?? t('inboxes');
    case 'label':
      return (await readLabels(ctx)).find((label) => label.id === view.labelId)?.title ?? t('labels');
    case 'team':
      return (await readTeams(ctx)).find((team) => team.id === view.teamId)?.name ?? t('teams');
    case 'saved':
      return (await getSavedView(ctx, { savedViewId: view.savedViewId })).name;
  }
};
