import { relations } from 'drizzle-orm';
import { accounts, accountUsers, users } from './accounts';
import { contactInboxes, contacts } from './contacts';
import { conversationLabels, conversationParticipants, conversations, mentions } from './conversations';
import { inboxes, inboxMembers } from './inboxes';
import { labels } from './labels';
import { attachments, messages } from './messages';
import { teamMembers, teams } from './teams';

export const accountsRelations = relations(accounts, ({ many }) => ({
  members: many(accountUsers),
  inboxes: many(inboxes),
  teams: many(teams),
}));

export const usersRelations = relations(users, ({ many }) => ({
  accounts: many(accountUsers),
  inboxes: many(inboxMembers),
  teams: many(teamMembers),
}));

export const accountUsersRelations = relations(accountUsers, ({ one }) => ({
  account: one(accounts, { fields: [accountUsers.accountId], references: [accounts.id] }),
  user: one(users, { fields: [accountUsers.userId], references: [users.id] }),
}));

export const teamsRelations = relations(teams, ({ many }) => ({ members: many(teamMembers) }));

export const teamMembersRelations = relations(teamMembers, ({ one }) => ({
  team: one(teams, { fields: [teamMembers.teamId], references: [teams.id] }),
  user: one(users, { fields: [teamMembers.userId], references: [users.id] }),
}));

export const inboxesRelations = relations(inboxes, ({ many }) => ({ members: many(inboxMembers) }));

export const inboxMembersRelations = relations(inboxMembers, ({ one }) => ({
  inbox: one(inboxes, { fields: [inboxMembers.inboxId], references: [inboxes.id] }),
  user: one(users, { fields: [inboxMembers.userId], references: [users.id] }),
}));

export const contactsRelations = relations(contacts, ({ many }) => ({
  conversations: many(conversations),
  contactInboxes: many(contactInboxes),
}));

export const contactInboxesRelations = relations(contactInboxes, ({ one }) => ({
  contact: one(contacts, { fields: [contactInboxes.contactId], references: [contacts.id] }),
  inbox: one(inboxes, { fields: [contactInboxes.inboxId], references: [inboxes.id] }),
}));

export const conversationsRelations = relations(conversations, ({ one, many }) => ({
  inbox: one(inboxes, { fields: [conversations.inboxId], references: [inboxes.id] }),
  contact: one(contacts, { fields: [conversations.contactId], references: [contacts.id] }),
  assignee: one(users, { fields: [conversations.assigneeId], references: [users.id] }),
  team: one(teams, { fields: [conversations.teamId], references: [teams.id] }),
  messages: many(messages),
  labels: many(conversationLabels),
  participants: many(conversationParticipants),
  mentions: many(mentions),
}));

export const conversationLabelsRelations = relations(conversationLabels, ({ one }) => ({
  conversation: one(conversations, { fields: [conversationLabels.conversationId], references: [conversations.id] }),
  label: one(labels, { fields: [conversationLabels.labelId], references: [labels.id] }),
}));

export const conversationParticipantsRelations = relations(conversationParticipants, ({ one }) => ({
  conversation: one(conversations, { fields: [conversationParticipants.conversationId], references: [conversations.id] }),
  user: one(users, { fields: [conversationParticipants.userId], references: [users.id] }),
}));

export const mentionsRelations = relations(mentions, ({ one }) => ({
  conversation: one(conversations, { fields: [mentions.conversationId], references: [conversations.id] }),
  user: one(users, { fields: [mentions.userId], references: [users.id] }),
}));

export const messagesRelations = relations(messages, ({ one, many }) => ({
  conversation: one(conversations, { fields: [messages.conversationId], references: [conversations.id] }),
  attachments: many(attachments),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  message: one(messages, { fields: [attachments.messageId], references: [messages.id] }),
}));
