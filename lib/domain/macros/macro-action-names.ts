// The steps a macro can run, in the editor's order. A module of its own, without imports: the
// macro editor (a client component) shows them, and importing them from macro-draft.ts brought zod,
// drizzle-orm and Node's Buffer into the browser (44 kB gzip; issue 16, JS per page).
export const MACRO_ACTION_NAMES = [
  'send_message',
  'add_private_note',
  'assign_agent',
  'assign_team',
  'remove_team',
  'add_label',
  'remove_label',
  'change_priority',
  'change_status',
  'resolve_conversation',
  'snooze_conversation',
  'mute_conversation',
  'send_transcript',
  'send_attachment',
] as const;
