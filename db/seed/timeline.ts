import { DEMO_INBOXES, DEMO_USERS, firstName, type UserKey } from './catalog';
import type { ConversationSetup } from './conversation-setup';
import {
  AGENT_FAREWELLS,
  AGENT_GREETINGS,
  AGENT_WAITING_ON_CUSTOMER,
  CUSTOMER_NUDGES,
  CUSTOMER_THANKS,
  EMAIL_AUTOREPLY,
  GENERIC_NOTES,
  MENTION_ANSWERS,
  OUTSIDE_MESSAGES,
  WIDGET_AUTOREPLY,
} from './dialogues';
import type { Rng } from './prng';
import type { ActivityPlan, MessagePlan } from './types';

const MAX_MESSAGES = 15;
const SECOND = 1000;

// The story of one conversation as messages, in order, from its setup. Times start at createdAt and
// are squeezed to end before `now` when the story would run into the future.
export const buildTimeline = (rng: Rng, setup: ConversationSetup, now: Date): MessagePlan[] => {
  const { topic, inbox, assignee, status, shape } = setup;
  const members = DEMO_INBOXES[inbox].members;
  // Who answers: the assignee, or whoever picked it up without assigning it.
  const replier: UserKey = assignee ?? rng.pick(members);
  const messages: MessagePlan[] = [];
  const slow = inbox === 'email' ? 5 : 1;
  let clock = setup.createdAt.getTime();

  const fill = (text: string, extra: Record<string, string> = {}) =>
    text.replace(/\{(\w+)\}/g, (match, key: string) => extra[key] ?? setup.vars[key] ?? match);
  const wait = (minSeconds: number, maxSeconds: number) => {
    clock += rng.int(minSeconds, maxSeconds) * SECOND;
    return new Date(clock);
  };
  const subject = fill(topic.subject);
  const incoming = (content: string | null, at: Date, attachment?: MessagePlan['attachment']) => {
    const first = !messages.some((m) => m.kind === 'incoming');
    const messageId = `<${rng.hex(16)}@mail.${setup.contact.email?.split('@')[1] ?? 'correo.ejemplo'}>`;
    messages.push({
      kind: 'incoming',
      at,
      content,
      attachment,
      ...(inbox === 'email' ? { email: { subject: first ? subject : `Re: ${subject}`, messageId }, sourceId: messageId } : {}),
      ...(inbox === 'api' ? { sourceId: `ext-${rng.hex(16)}` } : {}),
    });
  };
  const agent = (sender: UserKey, content: string | null, at: Date, attachment?: MessagePlan['attachment']) =>
    messages.push({ kind: 'agent', at, sender, content, attachment, ...(inbox === 'email' ? { email: { subject: `Re: ${subject}` } } : {}) });
  const activity = (plan: ActivityPlan, at: Date) => messages.push({ kind: 'activity', at, content: null, activity: plan });
  const room = (count: number) => messages.length + count <= MAX_MESSAGES;

  // The customer opens the conversation; an automatic reply may follow.
  incoming(fill(rng.pick(topic.opening)), new Date(clock));
  if (inbox === 'web' && rng.chance(0.6)) messages.push({ kind: 'automation', at: wait(2, 6), content: WIDGET_AUTOREPLY });
  if (inbox === 'email' && rng.chance(0.5)) messages.push({ kind: 'automation', at: wait(5, 30), content: EMAIL_AUTOREPLY });
  const attachment = topic.attachment;
  const sendAttachment = (at: Date) => {
    const file = { ...attachment!.file, fileName: fill(attachment!.file.fileName) };
    const content = attachment!.content && fill(attachment!.content);
    if (attachment!.from === 'contact') incoming(content, at, file);
    else agent(replier, content, at, file);
  };
  // Voice notes come only through the website widget.
  if (attachment?.after === 'opening' && (attachment.file.kind !== 'audio' || inbox === 'web') && rng.chance(0.5)) sendAttachment(wait(30, 300));

  // Triage: assignment, team, priority and labels (B4).
  // Some of it was set when the conversation came in (API, routing rules) and left no activity.
  if (assignee) {
    const actor = rng.weighted([['laura', 4], [assignee, 4], [null, 2]] as const);
    activity({ action: 'assignee_changed', actor, assignee, previousAssignee: null }, wait(60, 30 * 60));
  }
  const triager: UserKey = assignee ?? 'laura';
  if (setup.team && rng.chance(0.4)) {
    activity({ action: 'team_changed', actor: rng.pick([triager, 'laura'] as const), team: setup.team, previousTeam: null }, wait(5, 120));
  }
  if (setup.priority !== 'none' && rng.chance(0.5)) {
    activity({ action: 'priority_changed', actor: triager, priority: setup.priority, previousPriority: 'none' }, wait(5, 300));
  }
  // A label added by mistake is removed after the first reply, so only answered conversations get one.
  const stray = shape === 'unanswered' ? null : setup.strayLabel;
  const added = stray ? [...setup.labels, stray] : setup.labels;
  if (added.length > 0 && (stray || rng.chance(0.6))) activity({ action: 'labels_added', actor: triager, labels: added }, wait(5, 300));

  if (shape === 'unanswered') {
    // Nobody has replied yet: the customer insists.
    for (let i = rng.int(1, 2); i > 0 || messages.length < 3; i--) incoming(rng.pick(CUSTOMER_NUDGES), wait(10 * 60, 5 * 3600));
    if (status === 'pending') activity({ action: 'status_changed', actor: null, status: 'pending', previousStatus: 'open' }, wait(60, 600));
    return squeeze(rng, messages, setup.createdAt, now);
  }

  const reserve = (stray ? 1 : 0) + (status === 'resolved' || shape === 'reopened' ? 3 : 1);
  // A resolved conversation plays the whole exchange; the others stop somewhere along it.
  const planned = status === 'resolved' ? topic.exchanges.length : rng.int(1, topic.exchanges.length);
  // Which variant of every exchange this conversation follows.
  const path = rng.int(0, 1);
  const variant = (lines: string[]) => lines[path % lines.length]!;
  const customerHasLastWord = status === 'resolved' || shape === 'customerWaiting';
  let strayRemoved = !stray;
  const usedNotes = new Set<string>();
  for (let i = 0; i < planned && room(reserve + 1); i++) {
    const exchange = topic.exchanges[i]!;
    const reply = variant(exchange.agent);
    // The first reply greets, unless the line already speaks to the customer by name.
    const greeting = i === 0 && !reply.includes('{cliente}') ? fill(rng.pick(AGENT_GREETINGS), { agente: firstName(replier) }) : '';
    const last = i === planned - 1 || !room(reserve + 3);
    let line = greeting + fill(reply);
    if (last && !customerHasLastWord && rng.chance(0.5)) line += ` ${rng.pick(AGENT_WAITING_ON_CUSTOMER)}`;
    agent(replier, line, wait(2 * 60 * slow, 90 * 60 * slow));
    if (attachment?.from === 'agent' && attachment.after === i && room(reserve + 2)) sendAttachment(wait(10, 120));
    if (!strayRemoved) {
      activity({ action: 'labels_removed', actor: replier, labels: [stray!] }, wait(5, 60));
      strayRemoved = true;
    }
    if (rng.chance(0.3) && room(reserve + 3)) {
      const fresh = (notes: string[]) => notes.filter((note) => !usedNotes.has(note));
      const candidates = fresh(topic.notes).length > 0 && rng.chance(0.7) ? fresh(topic.notes) : fresh(GENERIC_NOTES);
      const template = candidates.length > 0 ? rng.pick(candidates) : null;
      if (template) {
        usedNotes.add(template);
        const mentioned = template.includes('{mencion}') ? rng.pick(members.filter((m) => m !== replier)) : null;
        const mencion = mentioned ? `@${displayName(mentioned)}` : '';
        messages.push({ kind: 'note', at: wait(60, 30 * 60), sender: replier, content: fill(template, { mencion }), mentions: mentioned ? [mentioned] : [] });
        if (mentioned && rng.chance(0.5) && room(reserve + 2)) {
          messages.push({ kind: 'note', at: wait(5 * 60, 60 * 60), sender: mentioned, content: rng.pick(MENTION_ANSWERS), mentions: [] });
        }
      }
    }
    // Order updates only where there is an order; a phone call only to a contact with a phone.
    const outside = OUTSIDE_MESSAGES[inbox].filter((line) => (topic.order || !line.includes('{pedido}')) && (inbox !== 'web' || setup.contact.phone));
    if (outside.length > 0 && rng.chance(0.12) && room(reserve + 2)) {
      messages.push({ kind: 'outside', at: wait(10 * 60, 3 * 3600), content: fill(rng.pick(outside), { agente: firstName(replier) }) });
    }
    if (!last || customerHasLastWord) {
      incoming(fill(variant(exchange.contact)), wait(60 * slow, 60 * 60 * slow));
      if (attachment?.from === 'contact' && attachment.after === i && room(reserve + 1)) sendAttachment(wait(5, 60));
    }
    if (last) break;
  }

  // How it ends.
  if (status === 'resolved') {
    // Cut short by the message budget: the customer still says thanks before the goodbye.
    if (messages[messages.length - 1]!.kind !== 'incoming') incoming(rng.pick(CUSTOMER_THANKS), wait(60, 3600));
    agent(replier, fill(rng.chance(0.6) ? rng.pick(topic.resolution) : rng.pick(AGENT_FAREWELLS)), wait(60, 4 * 3600));
    activity({ action: 'status_changed', actor: replier, status: 'resolved', previousStatus: 'open' }, wait(5, 600));
  } else if (shape === 'customerWaiting') {
    if (rng.chance(0.4) && room(1)) incoming(rng.pick(CUSTOMER_NUDGES), wait(30 * 60, 8 * 3600));
  } else if (shape === 'reopened') {
    activity({ action: 'status_changed', actor: replier, status: 'resolved', previousStatus: 'open' }, wait(5, 600));
    incoming('Hola de nuevo, tengo otra duda sobre lo mismo. ¿Me pueden ayudar?', wait(3600, 2 * 86_400));
    activity({ action: 'status_changed', actor: null, status: 'open', previousStatus: 'resolved' }, wait(0, 1));
  } else if (status === 'pending') {
    activity({ action: 'status_changed', actor: replier, status: 'pending', previousStatus: 'open' }, wait(5, 600));
  } else if (status === 'snoozed') {
    activity({ action: 'snoozed', actor: replier, snoozedUntil: setup.snoozedUntil }, wait(5, 600));
  }
  return squeeze(rng, messages, setup.createdAt, now);
};

const displayName = (user: UserKey) => DEMO_USERS[user].name;

// Keeps every message in the past: when the last one would pass now − 30 s, scales the gaps down so
// the story ends somewhere between its start and now.
const squeeze = (rng: Rng, messages: MessagePlan[], start: Date, now: Date): MessagePlan[] => {
  const startMs = start.getTime();
  const span = messages[messages.length - 1]!.at.getTime() - startMs;
  const room = now.getTime() - 30 * SECOND - startMs;
  if (span <= room || span === 0) return messages;
  const factor = (Math.max(0, room) * (0.4 + 0.6 * rng.next())) / span;
  return messages.map((m) => ({ ...m, at: new Date(startMs + Math.floor((m.at.getTime() - startMs) * factor)) }));
};
