'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createLabel } from '@/lib/domain/labels/create-label';
import { deleteLabel } from '@/lib/domain/labels/delete-label';
import { updateLabel } from '@/lib/domain/labels/update-label';
import { ZDbId } from '@/lib/domain/request-values';
import { formAction } from './action';

// Forms send text; the domain validates each field and answers with a translated-by-code error.
const ZLabelForm = z.object({
  title: z.string(),
  color: z.string(),
  description: z.string().optional(),
  // An unchecked checkbox is absent from the form.
  showOnSidebar: z.string().optional().transform((value) => value === 'on' || value === 'true'),
});

// V5: administrators create a label.
export const createLabelAction = formAction(ZLabelForm, async (ctx, input) => {
  await createLabel(ctx, input);
  revalidatePath('/', 'layout');
});

// V5: administrators edit a label.
export const updateLabelAction = formAction(ZLabelForm.extend({ labelId: ZDbId }), async (ctx, input) => {
  await updateLabel(ctx, input);
  revalidatePath('/', 'layout');
});

// V5: administrators delete a label (it leaves every conversation and contact).
export const deleteLabelAction = formAction(z.object({ labelId: ZDbId }), async (ctx, input) => {
  await deleteLabel(ctx, input);
  revalidatePath('/', 'layout');
});
