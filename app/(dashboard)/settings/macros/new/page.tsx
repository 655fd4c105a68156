import { requireCtx } from '@/lib/auth/session';
import { decodeDraft, emptyStep } from '@/lib/domain/macros/macro-draft';
import { MacroEditorPage } from '../macro-editor-page';

type PageProps = { searchParams: Promise<{ draft?: string }> };

// M1 settings: a new macro (personal; global for administrators).
const NewMacroPage = async ({ searchParams }: PageProps) => {
  const [ctx, { draft }] = await Promise.all([requireCtx(), searchParams]);
  return <MacroEditorPage ctx={ctx} draft={decodeDraft(draft) ?? { name: '', visibility: 'personal', steps: [emptyStep()] }} />;
};

export default NewMacroPage;
