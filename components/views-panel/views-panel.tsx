import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { ChannelIcon } from '@/components/ui/channel-icon';
import { ViewLink } from './view-link';

// V1-V4 of the views panel. Counts, labels, teams and saved views arrive with the list issue.
export const ViewsPanel = async ({ ctx }: { ctx: Ctx }) => {
  const [t, inboxes] = await Promise.all([getTranslations('views'), listInboxes(ctx)]);
  return (
    <nav className="flex-1 overflow-y-auto px-2 pb-4 text-sm">
      <ul className="flex flex-col gap-0.5">
        <li><ViewLink href="/all">{t('all')}</ViewLink></li>
        <li><ViewLink href="/mentions">{t('mentions')}</ViewLink></li>
        <li><ViewLink href="/unattended">{t('unattended')}</ViewLink></li>
      </ul>
      <h2 className="mt-4 mb-1 px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('inboxes')}</h2>
      {inboxes.length === 0 ? (
        <p className="px-2 text-xs text-slate-500">{t('noInboxes')}</p>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {inboxes.map((inbox) => (
            <li key={inbox.id}>
              <ViewLink href={`/inbox/${inbox.id}`}>
                <ChannelIcon channel={inbox.channelType} />
                <span className="truncate">{inbox.name}</span>
              </ViewLink>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
};
