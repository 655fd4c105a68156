import { getTranslations } from 'next-intl/server';
import { GetForm } from '@/components/ui/get-form';
import { SEARCH_QUERY_MAX_LENGTH, SEARCH_QUERY_MIN_LENGTH } from '@/lib/domain/search/search-query';
import { SearchInput } from './search-input';

// L1: the search box; results open on /search (messages and contacts).
export const SearchBox = async ({ defaultValue }: { defaultValue?: string }) => {
  const t = await getTranslations('search');
  return (
    <GetForm action="/search" role="search" className="relative min-w-0 flex-1">
      <label className="sr-only" htmlFor="search-q">{t('label')}</label>
      <SearchInput
        id="search-q"
        defaultValue={defaultValue}
        placeholder={t('placeholder')}
        minLength={SEARCH_QUERY_MIN_LENGTH}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        limitHint={t('limit', { max: SEARCH_QUERY_MAX_LENGTH })}
      />
    </GetForm>
  );
};
