import { and, eq, sql } from 'drizzle-orm';
import { contacts, messages, users } from '@/db/schema';

// Who wrote a message, by name: an agent (users) or the contact; null for system and automation.
// Use with `.leftJoin(users, agentSender).leftJoin(contacts, contactSender)`.
export const agentSender = and(eq(messages.senderType, 'agent'), eq(users.id, messages.senderId));
export const contactSender = and(eq(messages.senderType, 'contact'), eq(contacts.id, messages.senderId));
export const senderName = () => sql<string | null>`case ${messages.senderType} when 'agent' then ${users.name} when 'contact' then ${contacts.name} end`;
