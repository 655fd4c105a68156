'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { listStateKey } from './list-state';

// The list is rendered by the view's layout, so a navigation that changes only the search params
// (a tab, a status, a filter chip) renders the page below it, not the list. When the URL asks for
// another list than the one rendered (`renderedKey`), re-render the page from the root once.
// Without JavaScript every link is a full page load, which renders the layout with its URL.
export const ListSync = ({ renderedKey }: { renderedKey: string }) => {
  const router = useRouter();
  const wanted = listStateKey(new URLSearchParams(useSearchParams().toString()));
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (wanted === renderedKey || asked.current === wanted) return;
    asked.current = wanted;
    router.refresh();
  }, [wanted, renderedKey, router]);
  return null;
};
