import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/domain/context';
import { asInvalidInput, isDomainError, type DomainErrorCode } from '@/lib/domain/errors';
import { actingSocketOf } from '@/lib/realtime/acting-publisher';
import { parseForm } from './parse-form';

export { formObject, parseForm } from './parse-form';

// What a form gets back from a server action. `error` is a DomainErrorCode (or UNKNOWN) that the UI
// translates with messages `errors.<code>`; `details` fill its placeholders.
export type ActionState = {
  ok?: boolean;
  error?: DomainErrorCode | 'UNKNOWN';
  details?: Record<string, string | number>;
  field?: string;
};

// A form field that may be sent zero, one or many times, always read as an array.
export const zFormList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

// The one wrapper for server actions: session check, zod parse of the form (parseForm), domain call,
// and domain errors (or a value the database refused) turned into a translated-by-code state. Works with useActionState and plain posts.
// A post that names its tab's realtime connection (acting-socket.ts) publishes its events to every
// other connection; when it published any, its answer re-renders the tab's page, which is then up to date.
export const formAction =
  <S extends z.ZodType>(schema: S, run: (ctx: Ctx, input: z.infer<S>) => Promise<ActionState | void>) =>
  async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const acting = actingSocketOf(formData);
    const ctx = await requireCtx();
    const parsed = parseForm(schema, formData);
    if (!parsed.success) return { error: 'INVALID_INPUT', field: parsed.field };
    try {
      return { ok: true, ...(await run(acting ? { ...ctx, realtime: acting.realtime } : ctx, parsed.data)) };
    } catch (error) {
      const domainError = isDomainError(error) ? error : asInvalidInput(error);
      if (domainError) return { error: domainError.code, details: domainError.details };
      throw error;
    } finally {
      // Whatever the action answers (a refusal after a committed step, a redirect included).
      if (acting?.published()) revalidatePath('/', 'layout');
    }
  };
