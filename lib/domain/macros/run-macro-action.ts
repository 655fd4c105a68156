import type { Ctx } from '../context';
import { storeUpload } from '../attachments/store-upload';
import { addLabels } from '../conversations/actions/add-labels';
import { assignAgent } from '../conversations/actions/assign-agent';
import { assignTeam } from '../conversations/actions/assign-team';
import { changeStatus } from '../conversations/actions/change-status';
import { removeLabels } from '../conversations/actions/remove-labels';
import { setPriority } from '../conversations/actions/set-priority';
import { snoozeConversation } from '../conversations/actions/snooze-conversation';
import { snoozeUntil } from '../conversations/actions/snooze-presets';
import { DomainError } from '../errors';
import { sendMessage } from '../messages/send-message';
import { muteConversation } from '../mutes/mute-conversation';
import { sendTranscript } from '../transcripts/send-transcript';
import { loadUserTimeZone } from '../users/load-user-time-zone';
import { MACRO_FILE_KEY, MACRO_SNOOZE_PRESETS, type TMacroAction } from './macro-schemas';

const isPreset = (until: string): until is (typeof MACRO_SNOOZE_PRESETS)[number] => (MACRO_SNOOZE_PRESETS as readonly string[]).includes(until);

// One macro step on one conversation, done by the very function an agent's click calls (so it
// authorises, validates and writes its activity message exactly as that click would). Run by
// runMacro inside its transaction; alone it would commit by itself.
export const runMacroAction = async (ctx: Ctx, { conversationId, step }: { conversationId: number; step: TMacroAction }): Promise<void> => {
  switch (step.action) {
    case 'send_message':
    case 'add_private_note':
      await sendMessage(ctx, { conversationId, content: step.params.content, private: step.action === 'add_private_note' });
      return;
    case 'assign_agent':
      await assignAgent(ctx, { conversationId, assigneeId: step.params.userId === 'self' ? ctx.actor.userId : step.params.userId });
      return;
    case 'assign_team':
      await assignTeam(ctx, { conversationId, teamId: step.params.teamId });
      return;
    case 'remove_team':
      await assignTeam(ctx, { conversationId, teamId: null });
      return;
    case 'add_label':
      await addLabels(ctx, { conversationId, labelIds: step.params.labelIds });
      return;
    case 'remove_label':
      await removeLabels(ctx, { conversationId, labelIds: step.params.labelIds });
      return;
    case 'change_priority':
      await setPriority(ctx, { conversationId, priority: step.params.priority });
      return;
    case 'change_status':
      await changeStatus(ctx, { conversationId, status: step.params.status });
      return;
    case 'resolve_conversation':
      await changeStatus(ctx, { conversationId, status: 'resolved' });
      return;
    case 'snooze_conversation': {
      const { until } = step.params;
      // Presets are the running agent's "tomorrow", in their own time zone, as in the header menu.
      const at = isPreset(until) ? snoozeUntil(until, { now: ctx.now(), timeZone: await loadUserTimeZone(ctx) }) : new Date(until);
      await snoozeConversation(ctx, { conversationId, until: at });
      return;
    }
    case 'mute_conversation':
      await muteConversation(ctx, { conversationId, hours: step.params.hours });
      return;
    case 'send_transcript': {
      const { to } = step.params;
      await sendTranscript(ctx, { conversationId, to: to === 'contact' || to === 'assignee' ? to : { email: to } });
      return;
    }
    case 'send_attachment': {
      // Copied into the conversation as an upload (the composer's checks again), then sent: the
      // message's attachment is its own file, deleted with it, never the macro's.
      const { file } = step.params;
      // A step stored around the domain could name another account's file: never read it.
      if (MACRO_FILE_KEY.exec(file.key)?.[1] !== String(ctx.actor.accountId)) throw new DomainError('INVALID_INPUT', { field: 'actions', param: 'file' });
      const stream = await ctx.storage.get(file.key);
      if (!stream) throw new DomainError('INVALID_INPUT', { field: 'actions', param: 'file', reason: 'missing' });
      const upload = await storeUpload(ctx, { conversationId, fileName: file.fileName, declaredType: file.mimeType, stream });
      await sendMessage(ctx, { conversationId, attachmentIds: [upload.id] });
      return;
    }
  }
};
