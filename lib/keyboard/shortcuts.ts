// THE table of keyboard shortcuts (Chatwoot's set). The dispatcher (components/keyboard), the "?"
// help dialog and README's "Keyboard" section all read it; tests/unit/keyboard checks the README
// against it, so the three can never disagree.

export const SHORTCUT_IDS = ['next', 'previous', 'reply', 'note', 'resolve', 'snooze', 'assign', 'labels', 'palette', 'search', 'back', 'help'] as const;
export type ShortcutId = (typeof SHORTCUT_IDS)[number];

export type Shortcut = {
  id: ShortcutId;
  // As shown to people: 'Mod' is Ctrl, or ⌘ on a Mac.
  keys: readonly string[];
  // Matched on `code` with Alt (macOS turns Alt+J into "∆" in `key`), on `key` otherwise.
  code?: string;
  key?: string;
  alt?: boolean;
  mod?: boolean;
  // Fires while the focus is in a text field; every other shortcut types its letter there instead.
  inFields?: boolean;
  // Where it acts: anywhere in the workspace, or on the open conversation.
  scope: 'workspace' | 'conversation';
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'next', keys: ['Alt', 'J'], code: 'KeyJ', alt: true, scope: 'workspace' },
  { id: 'previous', keys: ['Alt', 'K'], code: 'KeyK', alt: true, scope: 'workspace' },
  { id: 'reply', keys: ['R'], key: 'r', scope: 'conversation' },
  { id: 'note', keys: ['N'], key: 'n', scope: 'conversation' },
  { id: 'resolve', keys: ['Alt', 'E'], code: 'KeyE', alt: true, scope: 'conversation' },
  { id: 'snooze', keys: ['Alt', 'S'], code: 'KeyS', alt: true, scope: 'conversation' },
  { id: 'assign', keys: ['Alt', 'A'], code: 'KeyA', alt: true, scope: 'conversation' },
  { id: 'labels', keys: ['Alt', 'L'], code: 'KeyL', alt: true, scope: 'conversation' },
  { id: 'palette', keys: ['Mod', 'K'], code: 'KeyK', mod: true, inFields: true, scope: 'workspace' },
  { id: 'search', keys: ['/'], key: '/', scope: 'workspace' },
  { id: 'back', keys: ['Esc'], key: 'Escape', inFields: true, scope: 'conversation' },
  { id: 'help', keys: ['?'], key: '?', scope: 'workspace' },
];

export type KeyPress = { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

// The shortcut a key press means, if any. `typing`: the focus is in a text field.
export const matchShortcut = (press: KeyPress, typing: boolean): Shortcut | undefined => {
  const mod = press.ctrlKey || press.metaKey;
  return SHORTCUTS.find((shortcut) => {
    if (typing && !shortcut.inFields) return false;
    if (Boolean(shortcut.mod) !== mod || Boolean(shortcut.alt) !== press.altKey) return false;
    if (shortcut.code) return press.code === shortcut.code && !press.shiftKey;
    // "?" is Shift+/ on most layouts: Shift is part of the key there, not a modifier to refuse.
    if (shortcut.key === '?') return press.key === '?';
    return press.key.toLowerCase() === shortcut.key?.toLowerCase() && !press.shiftKey;
  });
};

// How a shortcut's keys read on this platform: "Alt + J", "Ctrl + K" / "⌘ + K".
export const keyLabels = (shortcut: Pick<Shortcut, 'keys'>, mac = false): string[] =>
  shortcut.keys.map((key) => (key === 'Mod' ? (mac ? '⌘' : 'Ctrl') : mac && key === 'Alt' ? '⌥' : key));
