import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { conversations } from '@/db/schema';
import type { Actor } from '../context';
import { DomainError } from '../errors';

// The one place that says what an actor may see. Every domain query that reads or writes
// account data puts one of these conditions in its WHERE, so the rule lives here and nowhere else:
// - always: the row belongs to the actor's account (even for administrators);
// - agents: the row also belongs to one of the inboxes they are a member of;
// - administrators: every inbox of their account.

// Anything with an account column and an inbox column: a table such as `conversations` or
// `messages` can be passed as is; for `inboxes` pass `{ accountId: inboxes.accountId, inboxId: inboxes.id }`.
export type InboxScopedColumns = { accountId: AnyPgColumn; inboxId: AnyPgColumn };

// A condition that never matches: an agent with no inboxes sees nothing, and the SQL stays valid
// (an empty `IN ()` is a syntax error in PostgreSQL, so it is never emitted).
const nothing = (): SQL => sql`false`;

// Rows of the actor's account, for data that is not tied to an inbox (labels, teams, contacts...).
export const accountScope = (actor: Actor, accountColumn: AnyPgColumn): SQL => eq(accountColumn, actor.accountId);

// Rows of the actor's account in an inbox the actor may see.
export const inboxScope = (actor: Actor, columns: InboxScopedColumns): SQL => {
  const account = accountScope(actor, columns.accountId);
  // Administrators are not limited to the inbox ids loaded with the actor: an inbox created during
  // the request is theirs too. The account condition above still applies.
  if (actor.role === 'administrator') return account;
  if (actor.inboxIds.length === 0) return nothing();
  return and(account, inArray(columns.inboxId, actor.inboxIds)) as SQL;
};

// inboxScope with the actor bound when a prepared query runs, for queries built once for every
// actor: placeholders `accountId` and `inboxIds` (null for an administrator), filled by
// preparedScopeParams. The same rule as inboxScope; an agent with no inboxes matches nothing.
export const preparedInboxScope = (columns: InboxScopedColumns): SQL =>
  sql`(${columns.accountId} = ${sql.placeholder('accountId')} and (${sql.placeholder('inboxIds')}::int[] is null or ${columns.inboxId} = any(${sql.placeholder('inboxIds')}::int[])))`;

export const preparedScopeParams = (actor: Actor): { accountId: number; inboxIds: number[] | null } => ({
  accountId: actor.accountId,
  inboxIds: actor.role === 'administrator' ? null : actor.inboxIds,
});

// The conversations the actor may see; messages use `inboxScope(actor, messages)` the same way.
export const conversationScope = (actor: Actor): SQL => inboxScope(actor, conversations);

// Whether the actor may work in an inbox, for checks that do not run a query (e.g. before creating
// a conversation in it). Administrators' inboxIds are every inbox of their account (loadActor).
export const canAccessInbox = (actor: Actor, inboxId: number): boolean => actor.inboxIds.includes(inboxId);

// Throws NOT_FOUND rather than FORBIDDEN: an inbox of another account, or one the agent is not in,
// must look exactly like an inbox that does not exist (no leak of existence across accounts).
export const assertInboxAccess = (actor: Actor, inboxId: number): void => {
  if (!canAccessInbox(actor, inboxId)) throw new DomainError('NOT_FOUND', { entity: 'inbox' });
};

// Settings and other account-wide administration. FORBIDDEN here is safe to reveal: the actor knows
// the screen exists, they just may not use it.
export const requireAdministrator = (actor: Actor): void => {
  if (actor.role !== 'administrator') throw new DomainError('FORBIDDEN');
};
