// The keyboard's dialogs on an open conversation, with the shortcut that opens each: help, palette,
// assign and labels pickers.
export const KEYBOARD_DIALOGS = [
  ['Shift+?', 'shortcuts-help'],
  ['Control+k', 'command-palette'],
  ['Alt+a', 'assign-picker'],
  ['Alt+l', 'labels-picker'],
] as const;
