import { z } from 'zod';
import { requireCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/domain/context';
import { isDomainError, type DomainErrorCode } from '@/lib/domain/errors';

// What a form gets back from a server action. `error` is a DomainErrorCode (or UNKNOWN) that the UI
// translates with messages `errors.<code>`; `details` fill its placeholders.
export type ActionState = {
  ok?: boolean;
  error?: DomainErrorCode | 'UNKNOWN';
  details?: Record<string, string | number>;
  field?: string;
};

// A form as a plain object: a name given several times (checkboxes, multi-selects) becomes an array.
export const formObject = (formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> => {
  const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
};

// A form field that may be sent zero, one or many times, always read as an array.
export const zFormList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(item));

// The one wrapper for server actions: session check, zod parse of the form, domain call, and
// domain errors turned into a translated-by-code state. Works with useActionState and plain posts.
export const formAction =
  <S extends z.ZodType>(schema: S, run: (ctx: Ctx, input: z.infer<S>) => Promise<ActionState | void>) =>
  async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const ctx = await requireCtx();
    const parsed = schema.safeParse(formObject(formData));
    if (!parsed.success) {
      return { error: 'INVALID_INPUT', field: String(parsed.error.issues[0]?.path[0] ?? '') };
    }
    try {
      return { ok: true, ...(await run(ctx, parsed.data)) };
    } catch (error) {
      if (isDomainError(error)) return { error: error.code, details: error.details };
      throw error;
    }
  };
