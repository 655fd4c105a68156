import { DEMO_TEAMS, DEMO_USERS, PRIORITY_NAMES, type UserKey } from './catalog';
import type { ActivityPlan, DemoRefs } from './types';

// B4: the Spanish sentence of an activity message (the account's language) and the structured
// contentAttributes.activity the UI can render in any language.

const who = (actor: UserKey | null) => (actor ? DEMO_USERS[actor].name : null);

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`);

const snoozeFormat = new Intl.DateTimeFormat('es-MX', { timeZone: 'America/Mexico_City', dateStyle: 'long', timeStyle: 'short' });
const formatSnooze = (until: Date) => snoozeFormat.format(until);

export const activityText = (activity: ActivityPlan): string => {
  const actor = who(activity.actor);
  switch (activity.action) {
    case 'assignee_changed': {
      const assignee = who(activity.assignee);
      if (!assignee) return actor ? `${actor} quitó la asignación de la conversación` : 'Se quitó la asignación de la conversación';
      if (!actor) return `La conversación se asignó automáticamente a ${assignee}`;
      if (activity.actor === activity.assignee) return `${actor} se asignó la conversación`;
      return `${actor} asignó la conversación a ${assignee}`;
    }
    case 'team_changed': {
      const team = activity.team ? `al equipo ${DEMO_TEAMS[activity.team].name}` : null;
      if (!team) return `${actor ?? 'Se'} quitó el equipo de la conversación`;
      return actor ? `${actor} asignó la conversación ${team}` : `La conversación se asignó ${team}`;
    }
    case 'labels_added': {
      const noun = activity.labels.length > 1 ? 'las etiquetas' : 'la etiqueta';
      return `${actor ?? 'El sistema'} añadió ${noun} ${list(activity.labels)}`;
    }
    case 'labels_removed': {
      const noun = activity.labels.length > 1 ? 'las etiquetas' : 'la etiqueta';
      return `${actor ?? 'El sistema'} quitó ${noun} ${list(activity.labels)}`;
    }
    case 'priority_changed':
      return `${actor ?? 'El sistema'} cambió la prioridad de ${PRIORITY_NAMES[activity.previousPriority]} a ${PRIORITY_NAMES[activity.priority]}`;
    case 'status_changed':
      if (activity.status === 'resolved') return actor ? `${actor} resolvió la conversación` : 'La conversación se resolvió';
      if (activity.status === 'pending') return actor ? `${actor} marcó la conversación como pendiente` : 'La conversación quedó pendiente';
      if (activity.status === 'open') {
        return actor ? `${actor} reabrió la conversación` : 'La conversación se reabrió porque el cliente respondió';
      }
      return `${actor ?? 'El sistema'} pospuso la conversación`;
    case 'snoozed':
      return activity.snoozedUntil
        ? `${actor ?? 'El sistema'} pospuso la conversación hasta el ${formatSnooze(activity.snoozedUntil)}`
        : `${actor ?? 'El sistema'} pospuso la conversación hasta la siguiente respuesta del cliente`;
  }
};

// contentAttributes.activity with ids in place of keys.
export const activityAttributes = (activity: ActivityPlan, refs: DemoRefs): { action: string; [key: string]: unknown } => {
  const userId = (user: UserKey | null) => (user ? refs.users[user] : null);
  const base = { action: activity.action, actorId: userId(activity.actor) };
  switch (activity.action) {
    case 'assignee_changed':
      return { ...base, assigneeId: userId(activity.assignee), previousAssigneeId: userId(activity.previousAssignee) };
    case 'team_changed':
      return {
        ...base,
        teamId: activity.team ? refs.teams[activity.team] : null,
        previousTeamId: activity.previousTeam ? refs.teams[activity.previousTeam] : null,
      };
    case 'labels_added':
    case 'labels_removed':
      return { ...base, labelIds: activity.labels.map((label) => refs.labels[label]), labels: activity.labels };
    case 'priority_changed':
      return { ...base, priority: activity.priority, previousPriority: activity.previousPriority };
    case 'status_changed':
      return { ...base, status: activity.status, previousStatus: activity.previousStatus };
    case 'snoozed':
      return { ...base, status: 'snoozed', snoozedUntil: activity.snoozedUntil?.toISOString() ?? null };
  }
};
