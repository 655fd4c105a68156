'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteSavedView } from '@/lib/domain/saved-views/delete-saved-view';
import { renameSavedView } from '@/lib/domain/saved-views/rename-saved-view';
import { ZDbId } from '@/lib/domain/request-values';
import { formAction } from './action';


// V7: the owner renames a saved view.
export const renameSavedViewAction = formAction(z.object({ savedViewId: ZDbId, name: z.string() }), async (ctx, input) => {
  await renameSavedView(ctx, input);
  revalidatePath('/', 'layout');
});

// V7: the owner deletes a saved view, and lands on all conversations.
export const deleteSavedViewAction = formAction(z.object({ savedViewId: ZDbId }), async (ctx, input) => {
  await deleteSavedView(ctx, input);
  revalidatePath('/', 'layout');
  redirect('/all');
});
