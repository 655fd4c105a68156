import { getTranslations } from 'next-intl/server';
import { SearchForm } from './search-form';

// L1: the search box; results open on /search (messages and contacts).
export const SearchBox = async ({ defaultValue }: { defaultValue?: string }) => {
  const t = await getTranslations('search');
  return (
    <SearchForm className="min-w-0 flex-1">
      <label className="sr-only" htmlFor="search-q">{t('label')}</label>
      <input
        id="search-q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={t('placeholder')}
        minLength={2}
        maxLength={200}
        className="h-8 w-full rounded-md border border-slate-300 px-2 text-sm"
      />
    </SearchForm>
  );
};
