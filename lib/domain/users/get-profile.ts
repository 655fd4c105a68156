import { and, eq } from 'drizzle-orm';
import { accounts, accountUsers, users, type UserPreferences } from '@/db/schema';
import type { Ctx, Role } from '../context';
import { DomainError } from '../errors';

export type Profile = {
  id: number;
  name: string;
  email: string;
  avatarUrl: string | null;
  locale: 'es' | 'en';
  timeZone: string;
  preferences: UserPreferences;
  role: Role;
  accountName: string;
};

// The signed-in person as the header and profile page show them, in the account they act in.
// Read through the membership so the role shown is the one the account gives them.
export const getProfile = async (ctx: Ctx): Promise<Profile> => {
  const [profile] = await ctx.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      avatarUrl: users.avatarUrl,
      locale: users.locale,
      timeZone: users.timeZone,
      preferences: users.preferences,
      role: accountUsers.role,
      accountName: accounts.name,
    })
    .from(users)
    .innerJoin(accountUsers, and(eq(accountUsers.userId, users.id), eq(accountUsers.accountId, ctx.actor.accountId)))
    .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
    .where(eq(users.id, ctx.actor.userId))
    .limit(1);
  // Only possible if the membership was removed after the actor was loaded.
  if (!profile) throw new DomainError('NOT_FOUND', { entity: 'user' });
  return profile;
};
