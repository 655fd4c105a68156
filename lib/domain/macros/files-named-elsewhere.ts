import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { macros } from '@/db/schema';

// The file keys among `keys` that a send_attachment step of another macro of the account names. A
// macro may only name files stored for it (a personal macro naming another macro's file would get it
// deleted with its own steps, or read it), and deleting one never removes another's file.
export const filesNamedElsewhere = async (
  db: DbOrTx,
  { accountId, keys, exceptMacroId }: { accountId: number; keys: string[]; exceptMacroId?: number },
): Promise<Set<string>> => {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return new Set();
  const step = (key: string) => JSON.stringify([{ action: 'send_attachment', params: { file: { key } } }]);
  const rows = await db
    .select({ actions: macros.actions })
    .from(macros)
    .where(
      and(
        eq(macros.accountId, accountId),
        exceptMacroId === undefined ? undefined : ne(macros.id, exceptMacroId),
        or(...wanted.map((key) => sql`${macros.actions} @> ${step(key)}::jsonb`)),
      ),
    );
  const named = new Set(rows.flatMap((row) => (row.actions as Array<{ action: string; params?: { file?: { key?: unknown } } }>).map((s) => s.params?.file?.key)));
  return new Set(wanted.filter((key) => named.has(key)));
};
