import { notFound } from 'next/navigation';
import { requireCtx } from '@/lib/auth/session';
import { isDomainError } from '@/lib/domain/errors';
import { getMacroForEdit } from '@/lib/domain/macros/get-macro-for-edit';
import { decodeDraft, draftFromMacro } from '@/lib/domain/macros/macro-draft';
import { MacroEditorPage } from '../macro-editor-page';

type PageProps = { params: Promise<{ macroId: string }>; searchParams: Promise<{ draft?: string }> };

// M1 settings: edit a macro I may change (mine; global ones if administrator).
const EditMacroPage = async ({ params, searchParams }: PageProps) => {
  const [ctx, { macroId }, { draft }] = await Promise.all([requireCtx(), params, searchParams]);
  const macro = await getMacroForEdit(ctx, { macroId }).catch((error: unknown) => {
    if (isDomainError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  });
  return <MacroEditorPage ctx={ctx} macroId={macro.id} draft={decodeDraft(draft) ?? draftFromMacro(macro)} />;
};

export default EditMacroPage;
