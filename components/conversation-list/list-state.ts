// The search params a view's list depends on (tab, status, sort, filter, page cursor, filter panel).
// The list lives in the view's layout, which Next.js does not render again when only the search
// params change; `listStateKey` tells the layout's ListSync when the URL asks for another list.
// No imports: the browser bundle gets only this.
export const LIST_PARAMS = ['tab', 'status', 'sort', 'filter', 'cursor', 'panel'] as const;

export const listStateKey = (search: URLSearchParams): string => {
  const key = new URLSearchParams();
  for (const name of LIST_PARAMS) for (const value of search.getAll(name)) key.append(name, value);
  return key.toString();
};

// The request header the middleware copies the page URL's search into: a layout gets no search params.
export const SEARCH_HEADER = 'x-bandeja-search';
