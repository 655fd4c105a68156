import { getTranslations } from 'next-intl/server';
import { ChannelIcon } from '@/components/ui/channel-icon';
import type { Ctx } from '@/lib/domain/context';
import { countViews } from '@/lib/domain/conversations/list/count-views';
import { listSavedViews } from '@/lib/domain/saved-views/list-saved-views';
import { readInboxes, readLabels, readTeams } from '@/lib/request-reads';
import { ViewLink } from './view-link';
import { ViewSection } from './view-section';

// How old the panel's counts may be when a page is rendered: it is on every page and every live
// re-read, and its counts are the heaviest reads of a page (bench/README.md, seventh round); one
// reading serves every agent of the account (count-views.ts). A status change or a new
// conversation makes this process read them again at once, so the agent who resolved sees the
// count drop with the card; other changes (labels, a first reply) and other agents' changes made in
// another process show within this, after the live re-read that announces them.
export const VIEW_COUNTS_MAX_AGE_MS = 5_000;

// The views panel (red): V1-V3, then one entry per inbox (V4), label (V5), team (V6) and saved view
// (V7), each with its count of open conversations.
export const ViewsPanel = async ({ ctx }: { ctx: Ctx }) => {
  const [t, counts, inboxes, labels, teams, savedViews] = await Promise.all([
    getTranslations('views'),
    countViews(ctx, { maxAgeMs: VIEW_COUNTS_MAX_AGE_MS }),
    readInboxes(ctx),
    readLabels(ctx),
    readTeams(ctx),
    listSavedViews(ctx),
  ]);
  const sidebarLabels = labels.filter((label) => label.showOnSidebar);
  return (
    <nav aria-label={t('navigation')} className="flex-1 overflow-y-auto px-2 pb-4 text-sm">
      <ul className="flex flex-col gap-0.5">
        <li><ViewLink href="/all" count={counts.all}>{t('all')}</ViewLink></li>
        <li><ViewLink href="/mentions" count={counts.mentions}>{t('mentions')}</ViewLink></li>
        <li><ViewLink href="/unattended" count={counts.unattended}>{t('unattended')}</ViewLink></li>
      </ul>
      <ViewSection title={t('inboxes')} empty={t('noInboxes')}>
        {inboxes.map((inbox) => (
          <li key={inbox.id}>
            <ViewLink href={`/inbox/${inbox.id}`} count={counts.inboxes[inbox.id] ?? 0} icon={<ChannelIcon channel={inbox.channelType} />}>
              {inbox.name}
            </ViewLink>
          </li>
        ))}
      </ViewSection>
      <ViewSection title={t('labels')} empty={t('noLabels')}>
        {sidebarLabels.map((label) => (
          <li key={label.id}>
            <ViewLink
              href={`/label/${label.id}`}
              count={counts.labels[label.id] ?? 0}
              icon={<span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: label.color }} />}
            >
              {label.title}
            </ViewLink>
          </li>
        ))}
      </ViewSection>
      <ViewSection title={t('teams')} empty={t('noTeams')}>
        {teams.map((team) => (
          <li key={team.id}>
            <ViewLink href={`/team/${team.id}`} count={counts.teams[team.id] ?? 0}>{team.name}</ViewLink>
          </li>
        ))}
      </ViewSection>
      <ViewSection title={t('savedViews')} empty={t('noSavedViews')}>
        {savedViews.map((view) => (
          <li key={view.id}>
            <ViewLink href={`/view/${view.id}`} count={counts.savedViews[view.id] ?? null}>{view.name}</ViewLink>
          </li>
        ))}
      </ViewSection>
      <ViewSection title={t('settings')} empty="">
        <li><ViewLink href="/settings">{t('allSettings')}</ViewLink></li>
        <li><ViewLink href="/settings/profile">{t('profileSettings')}</ViewLink></li>
      </ViewSection>
    </nav>
  );
};
