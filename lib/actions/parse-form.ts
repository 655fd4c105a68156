import type { z } from 'zod';

// A form as a plain object: a name given several times (checkboxes, multi-selects) becomes an array.
export const formObject = (formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> => {
  const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key);
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
};

// The first form field holding a NUL byte (PostgreSQL text cannot store one; no person types one).
const fieldWithNul = (formData: FormData): string | null => {
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && value.includes('\u0000')) return key;
  return null;
};

// Every server action's form parse: the schema, after refusing a NUL byte in any text field. On
// failure, the first field at fault.
export const parseForm = <S extends z.ZodType>(schema: S, formData: FormData): { success: true; data: z.infer<S> } | { success: false; field: string } => {
  // Actions are public endpoints: a client can post any arguments, not only the form it was given.
  if (!(formData instanceof FormData)) return { success: false, field: '' };
  const nul = fieldWithNul(formData);
  if (nul !== null) return { success: false, field: nul };
  const parsed = schema.safeParse(formObject(formData));
  return parsed.success ? { success: true, data: parsed.data } : { success: false, field: String(parsed.error.issues[0]?.path[0] ?? '') };
};
