import { getTranslations } from 'next-intl/server';
import { SearchResults } from '@/components/search/search-results';
import { ChatSection, ListWorkspace } from '@/components/shell/conversation-workspace';
import { requireCtx } from '@/lib/auth/session';

type Props = { searchParams: Promise<{ q?: string; cursor?: string }> };

// L1: search results (messages and contacts) in the list panel.
const SearchPage = async ({ searchParams }: Props) => {
  const [{ q = '', cursor }, ctx, t] = await Promise.all([searchParams, requireCtx(), getTranslations('search')]);
  return (
    <ListWorkspace ctx={ctx} title={t('title')} chat={<ChatSection />}>
      <SearchResults ctx={ctx} q={String(q)} cursor={cursor ? String(cursor) : undefined} />
    </ListWorkspace>
  );
};

export default SearchPage;
