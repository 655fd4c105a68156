import { z } from 'zod';
import type { MacroAction } from '@/db/schema';
import { MAX_MACRO_ACTIONS } from './macro-schemas';

// The macro editor's form (settings): a name, a visibility and ordered steps whose parameters are
// plain form text. It works without JavaScript, so adding, removing and moving a step are form
// posts that come back as a new draft; saving turns the draft into steps (toMacroActions), which
// createMacro / updateMacro validate.

const ZText = z.string().max(10_000).default('');
export const ZDraftStep = z.object({
  action: z.string().max(50),
  content: ZText,
  userId: ZText,
  teamId: ZText,
  labelIds: z.array(z.string().max(20)).max(100).default([]),
  priority: ZText,
  status: ZText,
  until: ZText,
  hours: ZText,
  to: ZText,
  // send_attachment: the stored file (storeMacroFile) as JSON.
  file: ZText,
});
export type DraftStep = z.infer<typeof ZDraftStep>;

export const ZMacroDraft = z.object({
  name: z.string().max(200).default(''),
  visibility: z.enum(['personal', 'global']).default('personal'),
  steps: z.array(ZDraftStep).max(MAX_MACRO_ACTIONS).default([]),
});
export type MacroDraft = z.infer<typeof ZMacroDraft>;

export const emptyStep = (action = 'send_message'): DraftStep => ZDraftStep.parse({ action });

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === '' ? [] : [String(value)]);

// The draft posted by the editor's form: `name`, `visibility`, `step.<i>.<param>`.
export const draftFromForm = (form: Record<string, unknown>): MacroDraft => {
  const steps: DraftStep[] = [];
  for (let index = 0; index < MAX_MACRO_ACTIONS && form[`step.${index}.action`] !== undefined; index++) {
    const read = (param: string) => String(form[`step.${index}.${param}`] ?? '');
    steps.push(
      ZDraftStep.parse({
        action: read('action'),
        content: read('content'),
        userId: read('userId'),
        teamId: read('teamId'),
        labelIds: list(form[`step.${index}.labelIds`]),
        priority: read('priority'),
        status: read('status'),
        until: read('until'),
        hours: read('hours'),
        to: read('to'),
        file: read('file'),
      }),
    );
  }
  return ZMacroDraft.parse({ name: String(form.name ?? ''), visibility: form.visibility === 'global' ? 'global' : 'personal', steps });
};

// What an add, remove, up or down button does to the draft ("up:2" moves the third step up).
export const applyDraftIntent = (draft: MacroDraft, intent: string): MacroDraft => {
  const [op, rawIndex] = intent.split(':');
  const index = Number(rawIndex);
  const steps = [...draft.steps];
  if (op === 'add' && steps.length < MAX_MACRO_ACTIONS) steps.push(emptyStep());
  else if (op === 'remove' && steps[index]) steps.splice(index, 1);
  else if ((op === 'up' || op === 'down') && steps[index]) {
    const target = op === 'up' ? index - 1 : index + 1;
    if (steps[target]) [steps[index], steps[target]] = [steps[target], steps[index]];
  }
  return { ...draft, steps };
};

// A tampered or missing file is left for createMacro / updateMacro to refuse on its step.
const parseFile = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : value);

// The steps a draft stands for, as createMacro / updateMacro take them (they validate each one).
export const toMacroActions = (draft: MacroDraft): MacroAction[] =>
  draft.steps.map((step): MacroAction => {
    switch (step.action) {
      case 'send_message':
      case 'add_private_note':
        return { action: step.action, params: { content: step.content } };
      case 'assign_agent':
        return { action: step.action, params: { userId: step.userId === 'self' ? 'self' : number(step.userId) } };
      case 'assign_team':
        return { action: step.action, params: { teamId: number(step.teamId) } };
      case 'add_label':
      case 'remove_label':
        return { action: step.action, params: { labelIds: step.labelIds.map(number) } };
      case 'change_priority':
        return { action: step.action, params: { priority: step.priority } };
      case 'change_status':
        return { action: step.action, params: { status: step.status } };
      case 'snooze_conversation':
        return { action: step.action, params: { until: step.until || 'next_reply' } };
      case 'mute_conversation':
        return { action: step.action, params: { hours: number(step.hours || '6') } };
      case 'send_transcript':
        return { action: step.action, params: { to: step.to || 'contact' } };
      case 'send_attachment':
        return { action: step.action, params: { file: parseFile(step.file) } };
      default:
        return { action: step.action, params: {} };
    }
  });

// The draft of a stored macro, to edit it.
export const draftFromMacro = (macro: { name: string; visibility: 'personal' | 'global'; actions: MacroAction[] }): MacroDraft => ({
  name: macro.name,
  visibility: macro.visibility,
  steps: macro.actions.map(({ action, params = {} }) => {
    const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
    return ZDraftStep.parse({
      action,
      content: text(params.content),
      userId: text(params.userId),
      teamId: text(params.teamId),
      labelIds: Array.isArray(params.labelIds) ? params.labelIds.map(String) : [],
      priority: text(params.priority),
      status: text(params.status),
      until: text(params.until),
      hours: text(params.hours),
      to: text(params.to),
      file: params.file ? JSON.stringify(params.file) : '',
    });
  }),
});

// The draft in a URL (no-JS edits come back through a redirect), and back; a tampered one is empty.
export const encodeDraft = (draft: MacroDraft): string => Buffer.from(JSON.stringify(draft)).toString('base64url');
export const decodeDraft = (encoded: string | undefined): MacroDraft | null => {
  if (!encoded) return null;
  try {
    const parsed = ZMacroDraft.safeParse(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
