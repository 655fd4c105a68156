import { z } from 'zod';

// Zod schemas of labels administration (V5), shared by create and update.

// Chatwoot's rule: letters (any alphabet), digits, '-' and '_', stored lowercased, so that a label
// reads the same in the sidebar, in filters and in activity sentences.
export const ZLabelTitle = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}_-]{1,50}$/u);

export const ZLabelColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/)
  .transform((color) => color.toLowerCase());

// Empty text clears the description.
export const ZLabelDescription = z
  .string()
  .trim()
  .max(255)
  .nullable()
  .transform((description) => description || null);

// Checkbox-friendly: forms post "on"/"true"/"false".
export const ZShowOnSidebar = z.union([z.boolean(), z.enum(['true', 'false', 'on']).transform((value) => value !== 'false')]);
