import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { macros, type Macro } from '@/db/schema';
import type { Actor } from '../context';
import { DomainError } from '../errors';
import { macroScope } from './macro-scope';

// A macro the actor may change or delete: their own personal macro, or (administrators only) a
// global one. One they cannot see is NOT_FOUND; a global one seen by an agent is FORBIDDEN.
export const loadEditableMacro = async (db: DbOrTx, actor: Actor, macroId: number): Promise<Macro> => {
  const [macro] = await db
    .select()
    .from(macros)
    .where(and(eq(macros.id, macroId), macroScope(actor)))
    .for('update');
  if (!macro) throw new DomainError('NOT_FOUND', { entity: 'macro' });
  if (macro.visibility === 'global' && actor.role !== 'administrator') throw new DomainError('FORBIDDEN');
  return macro;
};
