import { asc } from 'drizzle-orm';
import { labels, type Label } from '@/db/schema';
import { searchable } from '@/db/schema/sql-functions';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';

// V5: the account's labels, for every agent (sidebar, label pickers, filters) and the admin page,
// ordered by title. Accents are folded first because PGlite's C collation and a server's en_US
// collation would otherwise place "éxito" differently; then title and id settle ties.
export const listLabels = async (ctx: Ctx): Promise<Label[]> =>
  ctx.db
    .select()
    .from(labels)
    .where(accountScope(ctx.actor, labels.accountId))
    .orderBy(asc(searchable(labels.title)), asc(labels.title), asc(labels.id));
