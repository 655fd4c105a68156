import { activityText, type ActivityAttributes } from '@/lib/domain/activity/activity-text';
import { DEMO_TEAMS, DEMO_USERS, type UserKey } from './catalog';
import type { ActivityPlan, DemoRefs } from './types';

// B4: a planned activity as the app itself records it: the same contentAttributes.activity
// (ids plus names as they were) that lib/domain writes, so the UI re-renders every seeded line in
// the reader's language, and its sentence from the same activityText, in the account's language.

const who = (actor: UserKey | null) => (actor ? DEMO_USERS[actor].name : null);

// contentAttributes.activity of one planned activity.
export const activityAttributes = (activity: ActivityPlan, refs: DemoRefs): ActivityAttributes => {
  const userId = (user: UserKey | null) => (user ? refs.users[user] : null);
  const base = { actorId: userId(activity.actor), actorName: who(activity.actor) };
  switch (activity.action) {
    case 'assignee_changed':
      return { ...base, action: 'assignee_changed', assigneeId: userId(activity.assignee), assigneeName: who(activity.assignee), previousAssigneeId: userId(activity.previousAssignee) };
    case 'team_changed':
      return {
        ...base,
        action: 'team_changed',
        teamId: activity.team ? refs.teams[activity.team] : null,
        teamName: activity.team ? DEMO_TEAMS[activity.team].name : null,
        previousTeamId: activity.previousTeam ? refs.teams[activity.previousTeam] : null,
        previousTeamName: activity.previousTeam ? DEMO_TEAMS[activity.previousTeam].name : null,
      };
    case 'labels_added':
    case 'labels_removed':
      return { ...base, action: activity.action, labelIds: activity.labels.map((label) => refs.labels[label]), labels: activity.labels };
    case 'priority_changed':
      return { ...base, action: 'priority_changed', priority: activity.priority, previousPriority: activity.previousPriority };
    case 'status_changed':
      // As the app writes them: back to open from resolved or snoozed is "reopened" (by the system
      // when the customer wrote), a snooze is "snoozed".
      if (activity.status === 'open' && (activity.previousStatus === 'resolved' || activity.previousStatus === 'snoozed')) {
        return { ...base, action: 'reopened', previousStatus: activity.previousStatus };
      }
      if (activity.status === 'snoozed') return { ...base, action: 'snoozed', snoozedUntil: null, previousStatus: activity.previousStatus };
      return { ...base, action: 'status_changed', status: activity.status, previousStatus: activity.previousStatus };
    case 'snoozed':
      return { ...base, action: 'snoozed', snoozedUntil: activity.snoozedUntil?.toISOString() ?? null, previousStatus: 'open' };
  }
};

// The stored sentence, in the demo account's language and time zone.
export const activitySentence = (attributes: ActivityAttributes) => activityText(attributes, { locale: 'es', timeZone: 'America/Mexico_City' });
