import type { z } from 'zod';
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

// The one wrapper for server actions: session check, zod parse of the form, domain call, and
// domain errors turned into a translated-by-code state. Works with useActionState and plain posts.
export const formAction =
  <S extends z.ZodType>(schema: S, run: (ctx: Ctx, input: z.infer<S>) => Promise<unknown>) =>
  async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const ctx = await requireCtx();
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return { error: 'INVALID_INPUT', field: String(parsed.error.issues[0]?.path[0] ?? '') };
    }
    try {
      await run(ctx, parsed.data);
      return { ok: true };
    } catch (error) {
      if (isDomainError(error)) return { error: error.code, details: error.details };
      throw error;
    }
  };
