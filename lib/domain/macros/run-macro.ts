import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations, macros, type Conversation } from '@/db/schema';
import { writeActorActivity } from '../activity/write-activity';
import { conversationScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { ZId } from '../conversations/actions/schemas';
import { DomainError } from '../errors';
import { inboxChannel } from '../events/inbox-channel';
import { publishAfterCommit } from '../events/publish';
import { inTransaction } from '../transactions/in-transaction';
import { macroScope } from './macro-scope';
import { parseMacroActions } from './parse-macro-actions';
import { runMacroAction } from './run-macro-action';

export const ZRunMacroInput = z.object({ macroId: ZId, conversationId: ZId });
export type TRunMacroInput = z.input<typeof ZRunMacroInput>;

// A failed step says which one it was, for the sidebar ("step 3, add label: ...").
const atStep = (error: unknown, index: number, action: string): unknown =>
  error instanceof DomainError ? new DomainError(error.code, { ...error.details, step: index + 1, action }) : error;

// M1: runs a macro the actor may run (a global one or their own: NOT_FOUND otherwise) on a
// conversation they may see (NOT_FOUND otherwise). All its steps apply in ONE transaction, each
// through the same function as the agent's own click (runMacroAction), so each writes its own
// activity message; then "Carlos ejecutó la macro «Escalar a ventas»". If any step fails, nothing
// is applied and the error names the step (`step`, `action`); realtime events and mail (a
// transcript) go out only after the whole run has committed (inTransaction).
export const runMacro = async (ctx: Ctx, input: TRunMacroInput): Promise<Conversation> => {
  const parsed = ZRunMacroInput.safeParse(input);
  if (!parsed.success) throw new DomainError('NOT_FOUND', { entity: parsed.error.issues[0]?.path[0] === 'macroId' ? 'macro' : 'conversation' });
  const { macroId, conversationId } = parsed.data;

  const [macro] = await ctx.db
    .select({ id: macros.id, name: macros.name, actions: macros.actions })
    .from(macros)
    .where(and(eq(macros.id, macroId), macroScope(ctx.actor)));
  if (!macro) throw new DomainError('NOT_FOUND', { entity: 'macro' });
  const steps = parseMacroActions(macro.actions);

  return inTransaction(ctx, async (txCtx) => {
    // Held to the end: no one else's change lands between two steps of the run.
    const [conversation] = await txCtx.db
      .select({ id: conversations.id, accountId: conversations.accountId, inboxId: conversations.inboxId })
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), conversationScope(txCtx.actor)))
      .for('update');
    if (!conversation) throw new DomainError('NOT_FOUND', { entity: 'conversation' });

    for (const [index, step] of steps.entries()) {
      try {
        await runMacroAction(txCtx, { conversationId, step });
      } catch (error) {
        throw atStep(error, index, step.action);
      }
    }

    const [message] = await writeActorActivity(txCtx.db, txCtx.actor, {
      at: txCtx.now(),
      entries: [{ conversation, activity: { action: 'macro_run', macroId: macro.id, macroName: macro.name } }],
    });
    await publishAfterCommit(txCtx, [
      { channel: inboxChannel(conversation), event: 'message.created', data: { conversationId, messageId: message.id, messageType: message.messageType } },
    ]);

    const [after] = await txCtx.db.select().from(conversations).where(eq(conversations.id, conversationId));
    return after;
  });
};
