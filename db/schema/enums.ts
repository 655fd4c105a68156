import { pgEnum } from 'drizzle-orm/pg-core';

// Enumerations shared by several aggregates. Their declaration order is their sort order in SQL.

export const roleEnum = pgEnum('role', ['administrator', 'agent']);
export const availabilityEnum = pgEnum('availability', ['online', 'busy', 'offline']);
export const localeEnum = pgEnum('locale', ['es', 'en']);
export const channelTypeEnum = pgEnum('channel_type', ['website', 'api', 'email']);
export const conversationStatusEnum = pgEnum('conversation_status', ['open', 'resolved', 'pending', 'snoozed']);
// Declared from most to least urgent so that ORDER BY priority ASC lists urgent first (L3).
export const priorityEnum = pgEnum('priority', ['urgent', 'high', 'medium', 'low', 'none']);
export const messageTypeEnum = pgEnum('message_type', ['incoming', 'outgoing', 'activity', 'template']);
export const senderTypeEnum = pgEnum('sender_type', ['agent', 'contact', 'system', 'automation']);
export const deliveryStatusEnum = pgEnum('delivery_status', ['sending', 'sent', 'delivered', 'read', 'failed']);
export const attachmentKindEnum = pgEnum('attachment_kind', ['image', 'audio', 'video', 'file']);
export const macroVisibilityEnum = pgEnum('macro_visibility', ['personal', 'global']);
export const attributeModelEnum = pgEnum('attribute_model', ['conversation', 'contact']);
export const attributeTypeEnum = pgEnum('attribute_type', ['text', 'number', 'link', 'date', 'list', 'checkbox']);
export const notificationTypeEnum = pgEnum('notification_type', [
  'conversation_mention',
  'conversation_assignment',
  'conversation_creation',
  'participating_message',
]);
export const mailStatusEnum = pgEnum('mail_status', ['queued', 'sent', 'failed', 'stored']);
