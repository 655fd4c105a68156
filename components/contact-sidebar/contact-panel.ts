// Which contact dialog (K1-K4) the "Más detalles" sidebar shows, read from the URL
// (`?details=1&contact=edit`), so every dialog is a link that works without JavaScript, can be
// reloaded, and closes by going back to the sidebar's own URL.

export type ContactPanel =
  | { kind: 'message' }
  | { kind: 'edit' }
  // K3: `find` is the search text; `mergeWith` the contact chosen to merge; `swap` makes the chosen
  // contact the one that stays.
  | { kind: 'merge'; find: string; mergeWith: number | null; swap: boolean }
  | { kind: 'delete' };

// Everything the sidebar needs to link to its dialogs and to come back: the conversation's URL with
// the details open (list state kept), and the list's URL (where a deleted contact's page goes).
export type SidebarState = { href: string; listHref: string; panel: ContactPanel | null };

type Search = Record<string, string | string[] | undefined>;

// The search params that belong to the dialogs: dropped when a dialog closes.
const PANEL_PARAMS = ['contact', 'find', 'mergeWith', 'swap'] as const;

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

const positiveId = (text: string): number | null => {
  const id = Number(text);
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
};

// The dialog named by the URL, or null (none, or an unknown name).
export const parseContactPanel = (search: Search): ContactPanel | null => {
  switch (one(search.contact)) {
    case 'message':
      return { kind: 'message' };
    case 'edit':
      return { kind: 'edit' };
    case 'delete':
      return { kind: 'delete' };
    case 'merge':
      return { kind: 'merge', find: one(search.find).slice(0, 200), mergeWith: positiveId(one(search.mergeWith)), swap: one(search.swap) === '1' };
    default:
      return null;
  }
};

// `href` with some search params set (a value) or removed (null); the others kept.
export const withParams = (href: string, changes: Record<string, string | null>): string => {
  const url = new URL(href, 'http://bandeja.invalid');
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
};

// The sidebar's URL with no dialog open.
export const closedPanelHref = (href: string): string => withParams(href, Object.fromEntries(PANEL_PARAMS.map((key) => [key, null])));

// The sidebar's URL with one dialog open (its own params, the other dialogs' params dropped).
export const panelHref = (href: string, kind: ContactPanel['kind'], params: Record<string, string> = {}): string =>
  withParams(closedPanelHref(href), { contact: kind, ...params });

// The sidebar state of a conversation page: null unless `details=1`.
export const sidebarState = (search: Search, conversationHref: string, listHref: string): SidebarState | null =>
  one(search.details) === '1'
    ? { href: withParams(conversationHref, { details: '1' }), listHref, panel: parseContactPanel(search) }
    : null;
