import type { UserPreferences } from '@/db/schema';

export type NotificationType = 'conversation_mention' | 'conversation_assignment' | 'conversation_creation' | 'participating_message';

// The preference (users.preferences.notifyOn) that turns each notification type on or off.
const preferenceOf: Record<NotificationType, NonNullable<UserPreferences['notifyOn']>[number]> = {
  conversation_mention: 'mention',
  conversation_assignment: 'assignment',
  conversation_creation: 'creation',
  participating_message: 'participating_message',
};

export type ShouldNotifyOptions = {
  type: NotificationType;
  // The agent's mute of this conversation (conversation_mutes.muted_until), if any.
  mutedUntil: Date | null | undefined;
  // The agent's notifyOn preference; unset means every type.
  notifyOn: UserPreferences['notifyOn'];
  now: Date;
};

// THE rule of whether an agent gets a notification (the bell, realtime, browser notifications):
// - a type the agent switched off in their preferences never notifies;
// - a muted conversation (C3, until muted_until) notifies nothing, except a direct @mention: a
//   teammate asking for you by name gets through a mute.
export const shouldNotify = ({ type, mutedUntil, notifyOn, now }: ShouldNotifyOptions): boolean => {
  if (notifyOn && !notifyOn.includes(preferenceOf[type])) return false;
  if (type === 'conversation_mention') return true;
  return !(mutedUntil && mutedUntil.getTime() > now.getTime());
};
