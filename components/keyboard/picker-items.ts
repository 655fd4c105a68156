// What a picker (command palette, assign, labels) lists, and how typing filters it: apart from the
// dialog itself (picker-dialog.tsx), which loads the first time a picker opens (lazy-dialogs.tsx).
export type PickerItem = { key: string; label: string; hint?: string; checked?: boolean };

// Accent- and case-insensitive "contains", for filtering a picker's items as the agent types.
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
export const matchesQuery = (text: string, query: string) => fold(text).includes(fold(query.trim()));
