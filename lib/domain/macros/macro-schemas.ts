import { z } from 'zod';
import { ZActionStatus, ZId, ZLabelIds, ZPriority } from '../conversations/actions/schemas';
import { MAX_MESSAGE_LENGTH } from '../messages/send-message';

// Zod schemas of macros (M1): the steps, in Chatwoot's vocabulary (the demo seed uses it too), each
// `{ action, params }`. Ids in params are checked against the account when a macro is saved
// (checkMacroReferences) and again by each action when it runs.

export const ZMacroName = z.string().trim().min(1).max(100);
export const ZMacroVisibility = z.enum(['personal', 'global']);
export type TMacroVisibility = z.infer<typeof ZMacroVisibility>;

// A macro does something: at least one step, and few enough to read in the sidebar.
export const MAX_MACRO_ACTIONS = 20;

const ZContent = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);
const ZNoParams = z.object({}).default({});

// Snooze presets resolve in the running agent's time zone when the macro runs (snoozeUntil);
// an ISO instant is taken as is (and refused at run time once it is past).
export const MACRO_SNOOZE_PRESETS = ['next_reply', 'tomorrow', 'next_week'] as const;
const ZSnoozeUntil = z.union([z.enum(MACRO_SNOOZE_PRESETS), z.iso.datetime({ offset: true })]);

// send_transcript: to the contact, to the assignee, or to one address.
const ZTranscriptTo = z.union([z.enum(['contact', 'assignee']), z.email().max(320)]);

// A file stored for a macro's send_attachment step: its storage key (always under the account's
// `macros/` prefix, checked by checkMacroReferences) and what the settings page shows of it.
export const MACRO_FILE_KEY = /^(\d+)\/macros\/[0-9a-f-]{36}$/;
export const ZMacroFile = z.object({
  key: z.string().regex(MACRO_FILE_KEY),
  fileName: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(255),
  size: z.number().int().positive(),
});
export type TMacroFile = z.infer<typeof ZMacroFile>;

export const ZMacroAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('send_message'), params: z.object({ content: ZContent }) }),
  z.object({ action: z.literal('add_private_note'), params: z.object({ content: ZContent }) }),
  // 'self' is whoever runs the macro.
  z.object({ action: z.literal('assign_agent'), params: z.object({ userId: z.union([z.literal('self'), ZId]) }) }),
  z.object({ action: z.literal('assign_team'), params: z.object({ teamId: ZId }) }),
  z.object({ action: z.literal('remove_team'), params: ZNoParams }),
  z.object({ action: z.literal('add_label'), params: z.object({ labelIds: ZLabelIds }) }),
  z.object({ action: z.literal('remove_label'), params: z.object({ labelIds: ZLabelIds }) }),
  z.object({ action: z.literal('change_priority'), params: z.object({ priority: ZPriority }) }),
  z.object({ action: z.literal('change_status'), params: z.object({ status: ZActionStatus }) }),
  z.object({ action: z.literal('resolve_conversation'), params: ZNoParams }),
  // `preset` is accepted as another name for `until` and stored as `until`; neither: next reply.
  z.object({
    action: z.literal('snooze_conversation'),
    params: z
      .object({ until: ZSnoozeUntil.optional(), preset: z.enum(MACRO_SNOOZE_PRESETS).optional() })
      .default({})
      .transform(({ until, preset }) => ({ until: until ?? preset ?? ('next_reply' as const) })),
  }),
  z.object({ action: z.literal('mute_conversation'), params: z.object({ hours: z.coerce.number().int().min(1).max(168).default(6) }).default({ hours: 6 }) }),
  z.object({ action: z.literal('send_transcript'), params: z.object({ to: ZTranscriptTo }) }),
  // A file of the macro's own (storeMacroFile), copied into the conversation at each run.
  z.object({ action: z.literal('send_attachment'), params: z.object({ file: ZMacroFile }) }),
]);
export type TMacroAction = z.output<typeof ZMacroAction>;
export type TMacroActionName = TMacroAction['action'];

export const ZMacroActions = z.array(ZMacroAction).min(1).max(MAX_MACRO_ACTIONS);
