import { z } from 'zod';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { cleanFileName, nameMatchesType } from '../attachments/file-name';
import { sniffType } from '../attachments/sniff-type';
import { storeInspected } from '../attachments/store-upload';
import type { TMacroFile } from './macro-schemas';

export const ZStoreMacroFileInput = z.object({ fileName: z.string().min(1).max(1000) });
export type TStoreMacroFileInput = z.input<typeof ZStoreMacroFileInput> & { stream: ReadableStream<Uint8Array> };

// M1 settings: stores the file of a send_attachment step, under `<account>/macros/<uuid>`, with the
// composer's rules (50 MB, an allowed type whose name does not contradict its content), so that
// a macro run never fails on the file itself. Any agent may store one (personal macros); the step
// that names it is saved by createMacro / updateMacro. Each run copies it into the conversation.
export const storeMacroFile = async (ctx: Ctx, input: TStoreMacroFileInput): Promise<TMacroFile> => {
  const parsed = ZStoreMacroFileInput.safeParse(input);
  if (!parsed.success) {
    await input.stream.cancel().catch(() => {});
    throw new DomainError('INVALID_INPUT', { field: 'file' });
  }
  const fileName = cleanFileName(parsed.data.fileName);
  const key = `${ctx.actor.accountId}/macros/${crypto.randomUUID()}`;
  const { seen, refuse } = await storeInspected(ctx.storage, key, input.stream);
  if (seen.size === 0) return refuse(new DomainError('INVALID_INPUT', { field: 'file' }));
  const type = sniffType({ head: seen.head, tail: seen.tail, isText: seen.isText });
  if (!type || !nameMatchesType(fileName, type)) return refuse(new DomainError('UNSUPPORTED_TYPE'));
  return { key, fileName, mimeType: type.mimeType, size: seen.size };
};

// The files of send_attachment steps (to remove those a macro no longer names).
export const macroFileKeys = (actions: Array<{ action: string; params?: Record<string, unknown> }>): string[] =>
  actions.flatMap((step) => {
    const key = step.action === 'send_attachment' ? (step.params?.file as { key?: unknown } | undefined)?.key : undefined;
    return typeof key === 'string' ? [key] : [];
  });

// Removes files after the change that dropped them has committed; a failure only leaves an orphan.
export const deleteMacroFiles = async (ctx: Pick<Ctx, 'storage'>, keys: string[]): Promise<void> => {
  await Promise.all(keys.map((key) => ctx.storage.delete(key).catch((error) => console.error(`macros: deleting file ${key} failed`, error))));
};
