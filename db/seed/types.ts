import type { CustomAttributes, SocialProfiles } from '../schema';
import type { InboxKey, LabelKey, Priority, Status, TeamKey, UserKey } from './catalog';

// Plans are the demo data before it has ids: they refer to users, teams, inboxes and labels by key and
// to contacts by index. The writers turn them into rows.

export type DemoSizes = { contacts: number; conversations: number };

export type DemoRefs = {
  accountId: number;
  users: Record<UserKey, number>;
  teams: Record<TeamKey, number>;
  inboxes: Record<InboxKey, number>;
  labels: Record<LabelKey, number>;
};

export type ContactPlan = {
  name: string;
  email: string | null;
  phone: string | null;
  bio: string | null;
  company: string | null;
  country: string;
  city: string;
  socialProfiles: SocialProfiles;
  identifier: string | null;
  customAttributes: CustomAttributes;
  createdAt: Date;
  inboxes: Array<{ inbox: InboxKey; sourceId: string }>;
  labels: LabelKey[];
};

// What a B4 activity message records; the writer swaps keys for ids.
export type ActivityPlan =
  | { action: 'assignee_changed'; actor: UserKey | null; assignee: UserKey | null; previousAssignee: UserKey | null }
  | { action: 'team_changed'; actor: UserKey | null; team: TeamKey | null; previousTeam: TeamKey | null }
  | { action: 'labels_added' | 'labels_removed'; actor: UserKey | null; labels: LabelKey[] }
  | { action: 'priority_changed'; actor: UserKey | null; priority: Priority; previousPriority: Priority }
  | { action: 'status_changed'; actor: UserKey | null; status: Status; previousStatus: Status }
  | { action: 'snoozed'; actor: UserKey | null; snoozedUntil: Date | null };

export type AttachmentPlan = {
  kind: 'image' | 'audio' | 'video' | 'file';
  fileName: string;
  mimeType: string;
  size: number;
  duration?: number;
  width?: number;
  height?: number;
  isVoiceNote?: boolean;
};

// incoming = B1, agent = B2, automation / outside = B3, activity = B4, note = B5.
export type MessageKind = 'incoming' | 'agent' | 'automation' | 'outside' | 'activity' | 'note';

export type MessagePlan = {
  kind: MessageKind;
  at: Date;
  content: string | null;
  sender?: UserKey;
  mentions?: UserKey[];
  activity?: ActivityPlan;
  attachment?: AttachmentPlan;
  email?: { subject: string; messageId?: string };
  sourceId?: string;
  status?: 'sent' | 'delivered' | 'read' | 'failed';
  deliveryError?: string;
};

export type ConversationPlan = {
  displayId: number;
  contactIndex: number;
  inbox: InboxKey;
  status: Status;
  snoozedUntil: Date | null;
  priority: Priority;
  assignee: UserKey | null;
  team: TeamKey | null;
  labels: LabelKey[];
  customAttributes: CustomAttributes;
  createdAt: Date;
  messages: MessagePlan[];
  // Derived from the messages (see derive.ts).
  firstReplyAt: Date | null;
  waitingSince: Date | null;
  lastActivityAt: Date;
  participants: UserKey[];
  reads: Array<{ user: UserKey; at: Date }>;
  notifications: Array<{
    user: UserKey;
    type: 'conversation_mention' | 'conversation_assignment' | 'participating_message';
    actor: UserKey | null;
    messageIndex: number;
    readAt: Date | null;
  }>;
};
