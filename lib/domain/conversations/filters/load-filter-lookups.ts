import { and, eq, inArray } from 'drizzle-orm';
import { accounts, accountUsers, customAttributeDefinitions, inboxes, labels, teams, type CustomAttributeDefinition } from '@/db/schema';
import { isKnownTimeZone } from '@/lib/format/intl-formats';
import { accountScope } from '../../authorization/scope';
import type { Ctx } from '../../context';

export type TFilterDefinition = Pick<CustomAttributeDefinition, 'key' | 'model' | 'type' | 'listValues'>;

// What a filter needs to know about the account, asked for by id lists (never one query per condition).
export type TFilterLookupRequest = {
  labelIds: number[];
  inboxIds: number[];
  teamIds: number[];
  userIds: number[];
  attributeModels: Array<'conversation' | 'contact'>;
  timeZone: boolean;
};

export type TFilterLookups = {
  // The requested ids that exist in the actor's account.
  labelIds: Set<number>;
  inboxIds: Set<number>;
  teamIds: Set<number>;
  userIds: Set<number>;
  definitions: { conversation: Map<string, TFilterDefinition>; contact: Map<string, TFilterDefinition> };
  timeZone: string;
};

// A time zone PostgreSQL and Intl both know; anything else falls back to UTC rather than failing the list.
const usableTimeZone = (timeZone: string | undefined): string => {
  if (!timeZone || !/^[A-Za-z0-9_+\-/]{1,64}$/.test(timeZone)) return 'UTC';
  return isKnownTimeZone(timeZone) ? timeZone : 'UTC';
};

const none = async <T>(): Promise<T[]> => [];

// Loads, in parallel and only when needed, the account's rows a filter refers to. Every query is
// limited to the actor's account, so an id of another account simply is not found.
export const loadFilterLookups = async (ctx: Ctx, request: TFilterLookupRequest): Promise<TFilterLookups> => {
  const { actor, db } = ctx;
  const [labelRows, inboxRows, teamRows, userRows, definitionRows, accountRows] = await Promise.all([
    request.labelIds.length
      ? db.select({ id: labels.id }).from(labels).where(and(accountScope(actor, labels.accountId), inArray(labels.id, request.labelIds)))
      : none<{ id: number }>(),
    request.inboxIds.length
      ? db.select({ id: inboxes.id }).from(inboxes).where(and(accountScope(actor, inboxes.accountId), inArray(inboxes.id, request.inboxIds)))
      : none<{ id: number }>(),
    request.teamIds.length
      ? db.select({ id: teams.id }).from(teams).where(and(accountScope(actor, teams.accountId), inArray(teams.id, request.teamIds)))
      : none<{ id: number }>(),
    request.userIds.length
      ? db
          .select({ id: accountUsers.userId })
          .from(accountUsers)
          .where(and(accountScope(actor, accountUsers.accountId), inArray(accountUsers.userId, request.userIds)))
      : none<{ id: number }>(),
    // Every definition of the models asked for: the user's keys are matched here, in memory.
    request.attributeModels.length
      ? db
          .select({
            key: customAttributeDefinitions.key,
            model: customAttributeDefinitions.model,
            type: customAttributeDefinitions.type,
            listValues: customAttributeDefinitions.listValues,
          })
          .from(customAttributeDefinitions)
          .where(
            and(
              accountScope(actor, customAttributeDefinitions.accountId),
              inArray(customAttributeDefinitions.model, request.attributeModels),
            ),
          )
      : none<TFilterDefinition>(),
    request.timeZone
      ? db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, actor.accountId))
      : none<{ timeZone: string }>(),
  ]);

  const definitions: TFilterLookups['definitions'] = { conversation: new Map(), contact: new Map() };
  for (const definition of definitionRows) definitions[definition.model].set(definition.key, definition);
  return {
    labelIds: new Set(labelRows.map((row) => row.id)),
    inboxIds: new Set(inboxRows.map((row) => row.id)),
    teamIds: new Set(teamRows.map((row) => row.id)),
    userIds: new Set(userRows.map((row) => row.id)),
    definitions,
    timeZone: usableTimeZone(accountRows[0]?.timeZone),
  };
};
