'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { changeStatus } from '@/lib/domain/conversations/actions/change-status';
import { snoozeConversation } from '@/lib/domain/conversations/actions/snooze-conversation';
import { snoozeUntil } from '@/lib/domain/conversations/actions/snooze-presets';
import { storeUpload } from '@/lib/domain/attachments/store-upload';
import { deleteMessage } from '@/lib/domain/messages/delete-message';
import { sendMessage } from '@/lib/domain/messages/send-message';
import { muteConversation, unmuteConversation } from '@/lib/domain/mutes/mute-conversation';
import { sendTranscript } from '@/lib/domain/transcripts/send-transcript';
import { loadUserTimeZone } from '@/lib/domain/users/load-user-time-zone';
import { ZDbId } from '@/lib/domain/request-values';
import { formAction, zFormList } from './action';


// Every chat action re-renders the page it was posted from (list, counts and chat change together).
const refresh = () => revalidatePath('/', 'layout');

// W1/W2/W4/W5 without JavaScript: the composer's form posts its text, reply or note, and the files
// picked in its plain file input (an empty input posts one nameless, empty file: skipped). Each
// file is stored as the upload route stores it, then sent with the message.
export const sendMessageFormAction = formAction(
  z.object({
    conversationId: ZDbId,
    content: z.string(),
    mode: z.enum(['reply', 'note']).catch('reply'),
    files: zFormList(z.instanceof(File)),
  }),
  async (ctx, input) => {
    const attachmentIds: number[] = [];
    for (const file of input.files) {
      if (file.size === 0 && file.name === '') continue;
      const stored = await storeUpload(ctx, { conversationId: input.conversationId, fileName: file.name, declaredType: file.type || undefined, expectedSize: file.size, stream: file.stream() });
      attachmentIds.push(stored.id);
    }
    await sendMessage(ctx, { conversationId: input.conversationId, content: input.content, private: input.mode === 'note', attachmentIds });
    refresh();
  },
);

// C2: resolve, reopen, mark pending.
export const changeStatusAction = formAction(
  z.object({ conversationId: ZDbId, status: z.enum(['open', 'resolved', 'pending']) }),
  async (ctx, input) => {
    await changeStatus(ctx, input);
    refresh();
  },
);

// C2: snooze until the customer's next reply, tomorrow 09:00, next Monday 09:00 or a picked time,
// in the agent's time zone.
export const snoozeAction = formAction(
  z.object({
    conversationId: ZDbId,
    preset: z.enum(['next_reply', 'tomorrow', 'next_week', 'custom']),
    at: z.string().max(40).optional(),
  }),
  async (ctx, input) => {
    const timeZone = await loadUserTimeZone(ctx);
    const preset = input.preset === 'custom' ? { at: input.at ?? '' } : input.preset;
    await snoozeConversation(ctx, { conversationId: input.conversationId, until: snoozeUntil(preset, { now: ctx.now(), timeZone }) });
    refresh();
  },
);

// C3: mute for 6 hours, or unmute.
export const muteAction = formAction(z.object({ conversationId: ZDbId, mute: z.enum(['true', 'false']) }), async (ctx, input) => {
  if (input.mute === 'true') await muteConversation(ctx, { conversationId: input.conversationId });
  else await unmuteConversation(ctx, { conversationId: input.conversationId });
  refresh();
});

// C4: the customer-visible history by email, to the contact, the assignee or another address.
export const sendTranscriptAction = formAction(
  z.object({ conversationId: ZDbId, to: z.enum(['contact', 'assignee', 'other']), email: z.string().max(320).optional() }),
  async (ctx, input) => {
    const result = await sendTranscript(ctx, {
      conversationId: input.conversationId,
      to: input.to === 'other' ? { email: input.email ?? '' } : input.to,
    });
    return { details: { status: result.status, outboxId: result.outboxId } };
  },
);

// The chat's "⋯" menu on a message: deleted the way the API's DELETE does it (deleteMessage: the
// row stays as "deleted", its files go, agents and the customer hear message.updated). The domain
// lets any agent who may see the conversation delete (as Chatwoot); the menu offers it only on the
// agent's own replies and notes, and to administrators on any reply or note.
export const deleteMessageAction = formAction(z.object({ conversationId: ZDbId, messageId: ZDbId }), async (ctx, input) => {
  await deleteMessage(ctx, input);
  refresh();
});
