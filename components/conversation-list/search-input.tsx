'use client';

import { useState } from 'react';

type Props = { id: string; defaultValue?: string; placeholder: string; minLength: number; maxLength: number; limitHint: string };

// The search box's field. maxLength cuts a longer paste without a word, so at the limit a hint says
// so (a live region, so a screen reader hears it on paste, and the field's description). Without
// JavaScript the field still cuts, and the search page says that it searched the text cut
// (components/search/search-results.tsx). The hint comes translated from the server component: the
// search namespace is not sent to the browser.
export const SearchInput = ({ id, defaultValue, placeholder, minLength, maxLength, limitHint }: Props) => {
  // From the props alone, so the server's HTML and the first render in the browser agree.
  const [atLimit, setAtLimit] = useState((defaultValue?.length ?? 0) >= maxLength);
  const hintId = `${id}-limit`;
  return (
    <>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={placeholder}
        minLength={minLength}
        maxLength={maxLength}
        aria-describedby={atLimit ? hintId : undefined}
        onChange={(event) => setAtLimit(event.currentTarget.value.length >= maxLength)}
        className="h-8 w-full rounded-md border border-slate-300 px-2 text-sm"
      />
      {/* Always there (empty below the limit): a live region announces only what changes in it. */}
      <p id={hintId} role="status" className={atLimit ? 'absolute top-full left-0 z-10 mt-1 rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900 shadow-sm' : 'sr-only'}>
        {atLimit ? limitHint : ''}
      </p>
    </>
  );
};
