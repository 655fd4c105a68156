import { dateTimeFormat } from '@/lib/format/intl-formats';

// B4: the sentence of an activity message, from the structured record kept in
// messages.content_attributes.activity. The domain keeps its own small es/en table (no next-intl
// here): the stored sentence is written in the account's language, and the UI can call this same
// function with the reader's language to re-render it.
//
// To add an action (mute, participants, attributes, macro run, contact merged...): add a member to
// `Activity` and its two sentences to `TEMPLATES`; TypeScript refuses a table with one missing.

export type ActivityLocale = 'es' | 'en';
export type ActivityStatus = 'open' | 'resolved' | 'pending' | 'snoozed';
export type ActivityPriority = 'urgent' | 'high' | 'medium' | 'low' | 'none';
export type AttributeValue = string | number | boolean;

// What happened, with the ids the UI links to and the names as they were at that moment: renaming
// or deleting an agent, team or label later must not rewrite the conversation's history.
export type Activity =
  | { action: 'status_changed'; status: 'open' | 'resolved' | 'pending'; previousStatus: ActivityStatus }
  // snoozedUntil is an ISO timestamp, or null for "until the customer's next reply".
  | { action: 'snoozed'; snoozedUntil: string | null; previousStatus: ActivityStatus }
  | { action: 'reopened'; previousStatus: 'resolved' | 'snoozed' }
  | { action: 'assignee_changed'; assigneeId: number | null; assigneeName: string | null; previousAssigneeId: number | null }
  | { action: 'team_changed'; teamId: number | null; teamName: string | null; previousTeamId: number | null; previousTeamName: string | null }
  | { action: 'priority_changed'; priority: ActivityPriority; previousPriority: ActivityPriority }
  | { action: 'labels_added'; labelIds: number[]; labels: string[] }
  | { action: 'labels_removed'; labelIds: number[]; labels: string[] }
  // C2: a snooze ended by itself, when its time came or when the customer wrote (actor: the system).
  | { action: 'snooze_ended'; reason: 'time' | 'customer_reply'; snoozedUntil: string | null }
  // C3: the acting agent muted the conversation for themselves until mutedUntil (ISO).
  | { action: 'muted'; hours: number; mutedUntil: string }
  | { action: 'unmuted' }
  // P1: an agent was added to or removed from the conversation's participants.
  | { action: 'participant_added'; userId: number; userName: string }
  | { action: 'participant_removed'; userId: number; userName: string }
  // A1: a custom attribute of the conversation was set or cleared (its display name as it was then).
  | { action: 'attribute_changed'; key: string; displayName: string; value: AttributeValue; previousValue: AttributeValue | null }
  | { action: 'attribute_cleared'; key: string; displayName: string; previousValue: AttributeValue | null }
  // M1: a macro ran on the conversation; each of its steps wrote its own activity before this one.
  | { action: 'macro_run'; macroId: number; macroName: string }
  // K3: the conversation's contact was merged into this one (the secondary's name as it was then).
  | { action: 'contact_merged'; primaryId: number; secondaryId: number; secondaryName: string };

export type ActivityAction = Activity['action'];

// contentAttributes.activity as stored: the activity and who did it (null: the system, e.g. a sweep).
export type ActivityAttributes = Activity & { actorId: number | null; actorName: string | null };

export type ActivityTextOptions = { locale: ActivityLocale; timeZone: string };

type Words = {
  system: string;
  status: Record<ActivityStatus, string>;
  priority: Record<ActivityPriority, string>;
  dateLocale: string;
};

const WORDS: Record<ActivityLocale, Words> = {
  es: {
    system: 'El sistema',
    status: { open: 'abierta', resolved: 'resuelta', pending: 'pendiente', snoozed: 'pospuesta' },
    priority: { urgent: 'urgente', high: 'alta', medium: 'media', low: 'baja', none: 'ninguna' },
    dateLocale: 'es',
  },
  en: {
    system: 'The system',
    status: { open: 'open', resolved: 'resolved', pending: 'pending', snoozed: 'snoozed' },
    priority: { urgent: 'urgent', high: 'high', medium: 'medium', low: 'low', none: 'none' },
    dateLocale: 'en',
  },
};

// An attribute value in a sentence: a checkbox as yes/no, a long text cut (the full value is in the
// structured record and in the sidebar).
const SHOWN_VALUE_MAX = 100;
const shownValue = (value: AttributeValue, [yes, no]: [string, string]): string => {
  if (typeof value === 'boolean') return value ? yes : no;
  const text = String(value);
  return text.length > SHOWN_VALUE_MAX ? `${text.slice(0, SHOWN_VALUE_MAX - 1)}…` : text;
};

// What every sentence may use: the subject, the locale's words and a date in the account's zone.
type Helpers = { who: string; words: Words; date: (iso: string) => string };
type Sentence<A extends ActivityAction> = (activity: Extract<ActivityAttributes, { action: A }>, helpers: Helpers) => string;
type Templates = { [A in ActivityAction]: Record<ActivityLocale, Sentence<A>> };

const TEMPLATES: Templates = {
  status_changed: {
    es: (a, { who, words }) => `${who} cambió el estado a ${words.status[a.status]}`,
    en: (a, { who, words }) => `${who} changed the status to ${words.status[a.status]}`,
  },
  snoozed: {
    es: (a, { who, date }) =>
      a.snoozedUntil
        ? `${who} pospuso la conversación hasta el ${date(a.snoozedUntil)}`
        : `${who} pospuso la conversación hasta la siguiente respuesta del cliente`,
    en: (a, { who, date }) =>
      a.snoozedUntil
        ? `${who} snoozed the conversation until ${date(a.snoozedUntil)}`
        : `${who} snoozed the conversation until the customer's next reply`,
  },
  reopened: {
    es: (_a, { who }) => `${who} reabrió la conversación`,
    en: (_a, { who }) => `${who} reopened the conversation`,
  },
  assignee_changed: {
    es: (a, { who }) => {
      if (a.assigneeId === null) return `${who} quitó la asignación de la conversación`;
      if (a.assigneeId === a.actorId) return `${who} se asignó la conversación`;
      return `${who} asignó la conversación a ${a.assigneeName}`;
    },
    en: (a, { who }) => {
      if (a.assigneeId === null) return `${who} unassigned the conversation`;
      if (a.assigneeId === a.actorId) return `${who} self-assigned the conversation`;
      return `${who} assigned the conversation to ${a.assigneeName}`;
    },
  },
  team_changed: {
    es: (a, { who }) => (a.teamId === null ? `${who} quitó el equipo ${a.previousTeamName}` : `${who} asignó el equipo ${a.teamName}`),
    en: (a, { who }) => (a.teamId === null ? `${who} removed the team ${a.previousTeamName}` : `${who} assigned the team ${a.teamName}`),
  },
  priority_changed: {
    es: (a, { who, words }) =>
      a.priority === 'none' ? `${who} quitó la prioridad` : `${who} cambió la prioridad a ${words.priority[a.priority]}`,
    en: (a, { who, words }) =>
      a.priority === 'none' ? `${who} removed the priority` : `${who} changed the priority to ${words.priority[a.priority]}`,
  },
  labels_added: {
    es: (a, { who }) => `${who} añadió ${a.labels.length > 1 ? 'las etiquetas' : 'la etiqueta'} ${a.labels.join(', ')}`,
    en: (a, { who }) => `${who} added ${a.labels.length > 1 ? 'the labels' : 'the label'} ${a.labels.join(', ')}`,
  },
  labels_removed: {
    es: (a, { who }) => `${who} quitó ${a.labels.length > 1 ? 'las etiquetas' : 'la etiqueta'} ${a.labels.join(', ')}`,
    en: (a, { who }) => `${who} removed ${a.labels.length > 1 ? 'the labels' : 'the label'} ${a.labels.join(', ')}`,
  },
  snooze_ended: {
    es: (a) =>
      a.reason === 'time'
        ? 'La conversación se reabrió al terminar la posposición'
        : 'La conversación se reabrió con la respuesta del cliente',
    en: (a) =>
      a.reason === 'time' ? 'The conversation reopened when its snooze ended' : 'The conversation reopened when the customer replied',
  },
  muted: {
    es: (a, { who }) => `${who} silenció la conversación durante ${a.hours} ${a.hours === 1 ? 'hora' : 'horas'}`,
    en: (a, { who }) => `${who} muted the conversation for ${a.hours} ${a.hours === 1 ? 'hour' : 'hours'}`,
  },
  unmuted: {
    es: (_a, { who }) => `${who} dejó de silenciar la conversación`,
    en: (_a, { who }) => `${who} unmuted the conversation`,
  },
  participant_added: {
    es: (a, { who }) => (a.userId === a.actorId ? `${who} se añadió como participante` : `${who} añadió a ${a.userName} como participante`),
    en: (a, { who }) => (a.userId === a.actorId ? `${who} added themselves as a participant` : `${who} added ${a.userName} as a participant`),
  },
  participant_removed: {
    es: (a, { who }) => (a.userId === a.actorId ? `${who} dejó de participar en la conversación` : `${who} quitó a ${a.userName} de los participantes`),
    en: (a, { who }) => (a.userId === a.actorId ? `${who} stopped participating in the conversation` : `${who} removed ${a.userName} from the participants`),
  },
  attribute_changed: {
    es: (a, { who }) => `${who} cambió «${a.displayName}» a ${shownValue(a.value, ['sí', 'no'])}`,
    en: (a, { who }) => `${who} set "${a.displayName}" to ${shownValue(a.value, ['yes', 'no'])}`,
  },
  attribute_cleared: {
    es: (a, { who }) => `${who} borró «${a.displayName}»`,
    en: (a, { who }) => `${who} cleared "${a.displayName}"`,
  },
  macro_run: {
    es: (a, { who }) => `${who} ejecutó la macro «${a.macroName}»`,
    en: (a, { who }) => `${who} ran the macro "${a.macroName}"`,
  },
  contact_merged: {
    es: (a, { who }) => `${who} combinó a ${a.secondaryName} con este contacto`,
    en: (a, { who }) => `${who} merged ${a.secondaryName} into this contact`,
  },
};

// A time zone the runtime does not know must not make the whole change fail: fall back to UTC.
const formatDate = (iso: string, dateLocale: string, timeZone: string): string => {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return dateTimeFormat(dateLocale, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return dateTimeFormat(dateLocale, { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
};

// The human sentence of an activity in the given language (e.g. "Laura cambió el estado a resuelta").
export const activityText = (activity: ActivityAttributes, { locale, timeZone }: ActivityTextOptions): string => {
  const words = WORDS[locale];
  const helpers: Helpers = { who: activity.actorName ?? words.system, words, date: (iso) => formatDate(iso, words.dateLocale, timeZone) };
  const sentence = TEMPLATES[activity.action][locale] as Sentence<ActivityAction>;
  return sentence(activity as never, helpers);
};
