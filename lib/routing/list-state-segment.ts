// A view's list state (tab, status, sort, filter, page cursor, filter panel) lives in the URL's
// query, so every view is a link a team lead can share. Layouts get no query, so the middleware
// rewrites a view's URL to carry that state as one path segment too:
//   /all/42?tab=unassigned  →  /all/_dGFiPXVuYXNzaWduZWQ/42?tab=unassigned
// The list renders in the layout of that segment, which Next.js renders again only when the segment
// changes: opening another conversation of the same list renders the chat alone. Edge-safe (the
// middleware runs it) and free of Next.js.

const LIST_PARAMS = ['tab', 'status', 'sort', 'filter', 'cursor', 'panel'] as const;
const PREFIX = '_';

// The part of a path that names a view: /all, /mentions, /unattended, /inbox/3, /label/7, /team/2, /view/5.
const VIEW_PATH = /^\/(?:all|mentions|unattended|(?:inbox|label|team|view)\/[^/]+)(?=\/|$)/;

const toBase64Url = (text: string) =>
  btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(''))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const fromBase64Url = (encoded: string) =>
  new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(encoded.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0)));

// The segment of a query's list state: the same list state always gives the same segment.
export const listStateSegment = (search: URLSearchParams): string => {
  const state = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = search.get(name);
    if (value !== null) state.set(name, value);
  }
  const text = state.toString();
  return text ? PREFIX + toBase64Url(text) : PREFIX;
};

// The list state a segment carries, or null for a segment listStateSegment did not write.
export const listStateOfSegment = (segment: string): URLSearchParams | null => {
  if (!segment.startsWith(PREFIX) || !/^[A-Za-z0-9_-]*$/.test(segment)) return null;
  try {
    return new URLSearchParams(fromBase64Url(segment.slice(PREFIX.length)));
  } catch {
    return null;
  }
};

// The internal path of a view's URL (its list state after the view), or null for any other path.
export const viewPathWithListState = (pathname: string, search: URLSearchParams): string | null => {
  const view = VIEW_PATH.exec(pathname);
  if (!view) return null;
  return `${view[0]}/${listStateSegment(search)}${pathname.slice(view[0].length)}`;
};
