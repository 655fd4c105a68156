'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createMacro } from '@/lib/domain/macros/create-macro';
import { deleteMacro } from '@/lib/domain/macros/delete-macro';
import { applyDraftIntent, draftFromForm, encodeDraft, toMacroActions } from '@/lib/domain/macros/macro-draft';
import { storeMacroFile } from '@/lib/domain/macros/store-macro-file';
import { updateMacro } from '@/lib/domain/macros/update-macro';
import { formAction } from './action';

// The editor posts every field; draftFromForm reads the steps out of them.
const ZEditorForm = z.looseObject({ intent: z.string().max(20).default('save'), macroId: z.string().optional() });

// M1 settings: the macro editor. "save" creates or updates the macro; any other intent (add,
// remove, up, down) returns the edited draft through the URL, which is how the editor works
// without JavaScript (with it, those buttons act in the page and only saving posts).
export const saveMacroAction = formAction(ZEditorForm, async (ctx, form) => {
  const draft = draftFromForm(form);
  // A file chosen for a send_attachment step is stored first, whatever the intent, so that it
  // survives a no-JavaScript add / move as well as the save.
  for (const [index, step] of draft.steps.entries()) {
    const upload = form[`step.${index}.upload`];
    if (step.action !== 'send_attachment' || !(upload instanceof File) || upload.size === 0) continue;
    step.file = JSON.stringify(await storeMacroFile(ctx, { fileName: upload.name, stream: upload.stream() }));
  }
  const macroId = form.macroId ? Number(form.macroId) : undefined;
  const page = macroId ? `/settings/macros/${macroId}` : '/settings/macros/new';
  if (form.intent !== 'save') redirect(`${page}?draft=${encodeDraft(applyDraftIntent(draft, form.intent))}`);

  const input = { name: draft.name, visibility: draft.visibility, actions: toMacroActions(draft) };
  if (macroId) await updateMacro(ctx, { macroId, ...input });
  else await createMacro(ctx, input);
  revalidatePath('/', 'layout');
  redirect('/settings/macros');
});

export const deleteMacroAction = formAction(z.object({ macroId: z.coerce.number().int() }), async (ctx, input) => {
  await deleteMacro(ctx, input);
  revalidatePath('/', 'layout');
});
