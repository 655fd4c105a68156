'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createCannedResponse } from '@/lib/domain/canned-responses/create-canned-response';
import { deleteCannedResponse } from '@/lib/domain/canned-responses/delete-canned-response';
import { updateCannedResponse } from '@/lib/domain/canned-responses/update-canned-response';
import { createAttributeDefinition } from '@/lib/domain/custom-attributes/create-attribute-definition';
import { deleteAttributeDefinition } from '@/lib/domain/custom-attributes/delete-attribute-definition';
import { updateAttributeDefinition } from '@/lib/domain/custom-attributes/update-attribute-definition';
import { formAction } from './action';

// Canned responses (W2) and custom attribute definitions (A1/A2): administrators' catalogues.

const ZCanned = z.object({ shortCode: z.string(), content: z.string() });
const ZCannedId = z.object({ cannedResponseId: z.coerce.number().int() });

export const createCannedResponseAction = formAction(ZCanned, async (ctx, input) => {
  await createCannedResponse(ctx, input);
  revalidatePath('/settings/canned-responses');
});

export const updateCannedResponseAction = formAction(ZCanned.extend(ZCannedId.shape), async (ctx, input) => {
  await updateCannedResponse(ctx, input);
  revalidatePath('/settings/canned-responses');
});

export const deleteCannedResponseAction = formAction(ZCannedId, async (ctx, input) => {
  await deleteCannedResponse(ctx, input);
  revalidatePath('/settings/canned-responses');
});

// List values are typed one per line; empty text fields mean "none".
const lines = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split('\n').map((line) => line.trim()).filter(Boolean));
const optional = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);
const ZAttributeForm = z.object({ displayName: z.string(), description: optional, listValues: lines, regexPattern: optional, regexHint: optional });
const ZDefinitionId = z.object({ definitionId: z.coerce.number().int() });

export const createAttributeDefinitionAction = formAction(
  ZAttributeForm.extend({ model: z.enum(['conversation', 'contact']), type: z.enum(['text', 'number', 'link', 'date', 'list', 'checkbox']), key: optional }),
  async (ctx, { listValues, regexPattern, regexHint, ...input }) => {
    // Fields of another type's form (hidden, or filled before the type changed) are dropped.
    const text = input.type === 'text';
    await createAttributeDefinition(ctx, { ...input, listValues: input.type === 'list' ? listValues : undefined, regexPattern: text ? regexPattern : undefined, regexHint: text ? regexHint : undefined });
    revalidatePath('/', 'layout');
  },
);

export const updateAttributeDefinitionAction = formAction(ZAttributeForm.extend(ZDefinitionId.shape), async (ctx, { listValues, ...input }) => {
  await updateAttributeDefinition(ctx, { ...input, listValues: listValues.length ? listValues : undefined, regexPattern: input.regexPattern ?? '', regexHint: input.regexHint ?? '' });
  revalidatePath('/', 'layout');
});

export const deleteAttributeDefinitionAction = formAction(ZDefinitionId, async (ctx, input) => {
  await deleteAttributeDefinition(ctx, input);
  revalidatePath('/', 'layout');
});
