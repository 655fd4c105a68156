import { cache } from 'react';
import type { Ctx } from '@/lib/domain/context';
import { listInboxes } from '@/lib/domain/inboxes/list-inboxes';
import { listLabels } from '@/lib/domain/labels/list-labels';
import { countUnreadNotifications, listNotifications } from '@/lib/domain/notifications/list-notifications';
import { listTeams } from '@/lib/domain/teams/list-teams';
import { getProfile } from '@/lib/domain/users/get-profile';

// Reads that several server components of one page make (the views panel, the list's toolbar, the
// contact sidebar, the two bells, the user menu and the chat panel), memoised per request with
// React's cache(): requireCtx() gives every component of a render the same ctx, so each runs once
// per page instead of once per component (bench/README.md "Whole-page speed"). Only for rendering:
// server actions call the domain directly, so a write is never answered from a memo.
export const readInboxes = cache((ctx: Ctx) => listInboxes(ctx));
export const readLabels = cache((ctx: Ctx) => listLabels(ctx));
export const readTeams = cache((ctx: Ctx) => listTeams(ctx));
export const readProfile = cache((ctx: Ctx) => getProfile(ctx));
export const readUnreadNotifications = cache((ctx: Ctx) => countUnreadNotifications(ctx));
export const readLatestNotifications = cache((ctx: Ctx) => listNotifications(ctx));
