import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { availabilityEnum, localeEnum, roleEnum } from './enums';

// An account is one support organisation (a workspace); every other row belongs to one.
export const accounts = pgTable('accounts', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  name: text().notNull(),
  locale: localeEnum().notNull().default('es'),
  timeZone: text().notNull().default('America/Mexico_City'),
  settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  // Conversations get display ids from this counter (UPDATE ... RETURNING serialises creators).
  lastConversationDisplayId: integer().notNull().default(0),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type UserPreferences = {
  enterToSend?: boolean;
  // After resolving, snoozing or marking pending, open the list's next conversation (keyboard triage).
  openNextAfterResolve?: boolean;
  notifyByBrowser?: boolean;
  notifyOn?: Array<'mention' | 'assignment' | 'participating_message' | 'creation'>;
  // Push notifications may show a private note's text on the lock screen (unset: no, only "private note").
  pushNoteText?: boolean;
};

// A person who signs in. Role and availability are per account (account_users).
export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text(),
    avatarUrl: text(),
    locale: localeEnum().notNull().default('es'),
    timeZone: text().notNull().default('America/Mexico_City'),
    preferences: jsonb().$type<UserPreferences>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Sign-in looks users up by lower(email).
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const accountUsers = pgTable(
  'account_users',
  {
    accountId: integer().notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull().default('agent'),
    availability: availabilityEnum().notNull().default('offline'),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index('account_users_user_idx').on(t.userId)],
);

// Failed and successful sign-ins, for the per-email and per-IP rate limit (kept in the database so
// that it holds across app instances).
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.attemptedAt),
    index('sign_in_attempts_ip_idx').on(t.ip, t.attemptedAt),
  ],
);

// Signed-out sessions. Sessions are stateless JWTs, so a token issued before sign-out (a request in
// flight that refreshed the cookie, a copied cookie) would otherwise stay valid until it expires.
// Each token carries a session id; a revoked id is refused at every request until the token expires.
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text().primaryKey(),
    userId: integer().notNull().references(() => users.id, { onDelete: 'cascade' }),
    revokedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // When the token would have expired anyway: rows past it can be deleted.
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('revoked_sessions_expires_idx').on(t.expiresAt)],
);

export type Account = typeof accounts.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type AccountUser = typeof accountUsers.$inferSelect;
