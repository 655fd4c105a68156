import { z } from 'zod';

// Zod schemas of custom attribute definitions (A1/A2 settings), shared by create and update.

export const ZAttributeModel = z.enum(['conversation', 'contact']);
export type TAttributeModel = z.infer<typeof ZAttributeModel>;

export const ZAttributeType = z.enum(['text', 'number', 'link', 'date', 'list', 'checkbox']);
export type TAttributeType = z.infer<typeof ZAttributeType>;

export const ZAttributeDisplayName = z.string().trim().min(1).max(100);

// The key in custom_attributes: lowercase ascii letters, digits and underscores, with at least one
// letter or digit. Typed keys are lowercased first ("Plan" is "plan").
export const ATTRIBUTE_KEY_PATTERN = /^(?=[a-z0-9_]*[a-z0-9])[a-z0-9_]{1,50}$/;
export const ZAttributeKey = z.string().trim().toLowerCase().regex(ATTRIBUTE_KEY_PATTERN);

// Empty text clears the description.
export const ZAttributeDescription = z
  .string()
  .trim()
  .max(500)
  .nullable()
  .transform((description) => description || null);

// A list attribute's choices: 1 to 50, each 1 to 100 characters; repeated choices are kept once.
export const ZAttributeListValues = z
  .array(z.string().trim().min(1).max(100))
  .max(50)
  .transform((values) => [...new Set(values)])
  .refine((values) => values.length > 0);

// Stored as typed; empty clears it. Whether it compiles and is safe is checked by checkRegexPattern.
export const REGEX_PATTERN_MAX_LENGTH = 200;
export const ZAttributeRegexPattern = z
  .string()
  .trim()
  .max(REGEX_PATTERN_MAX_LENGTH)
  .nullable()
  .transform((pattern) => pattern || null);

// What the sidebar shows when a value does not match the pattern ("Formato PED-123456").
export const ZAttributeRegexHint = z
  .string()
  .trim()
  .max(255)
  .nullable()
  .transform((hint) => hint || null);
