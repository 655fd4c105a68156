import { and, eq, or, type SQL } from 'drizzle-orm';
import { macros } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Actor } from '../context';

// The macros an actor may see and run: the account's global ones and their own personal ones.
// Another agent's personal macro is invisible to everyone else, administrators included (it is
// that agent's tool), so it is NOT_FOUND rather than FORBIDDEN.
export const macroScope = (actor: Actor): SQL =>
  and(accountScope(actor, macros.accountId), or(eq(macros.visibility, 'global'), eq(macros.createdById, actor.userId))) as SQL;
