'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { addInboxMember, removeInboxMember } from '@/lib/domain/inboxes/change-inbox-member';
import { createInbox } from '@/lib/domain/inboxes/create-inbox';
import { deleteInbox } from '@/lib/domain/inboxes/delete-inbox';
import { updateInbox } from '@/lib/domain/inboxes/update-inbox';
import { formAction } from './action';

const text = z.string().optional();
// The channel settings fields of the inbox forms; the domain keeps those of the inbox's type.
const ZSettingsForm = z.object({
  name: z.string(),
  websiteUrl: text,
  widgetColor: text,
  welcomeTitle: text,
  welcomeTagline: text,
  requireIdentityVerification: z.literal('on').optional(),
  webhookUrl: text,
  emailAddress: text,
  resolvedConversationPolicy: z.enum(['reopen', 'new']).optional(),
});
const ZInboxId = z.object({ inboxId: z.coerce.number().int() });
const ZMember = ZInboxId.extend({ userId: z.coerce.number().int() });

const changed = () => revalidatePath('/', 'layout');

// Settings: a new inbox, then its page (members, identifier).
export const createInboxAction = formAction(ZSettingsForm.extend({ channelType: z.enum(['website', 'api', 'email']) }), async (ctx, { name, channelType, ...settings }) => {
  const inbox = await createInbox(ctx, { name, channelType, settings });
  changed();
  redirect(`/settings/inboxes/${inbox.id}`);
});

export const updateInboxAction = formAction(ZSettingsForm.extend(ZInboxId.shape), async (ctx, { inboxId, name, ...settings }) => {
  await updateInbox(ctx, { inboxId, name, settings });
  changed();
});

export const deleteInboxAction = formAction(ZInboxId.extend({ confirmName: z.string() }), async (ctx, input) => {
  await deleteInbox(ctx, input);
  changed();
  redirect('/settings/inboxes');
});

export const addInboxMemberAction = formAction(ZMember, async (ctx, input) => {
  await addInboxMember(ctx, input);
  changed();
});

export const removeInboxMemberAction = formAction(ZMember, async (ctx, input) => {
  await removeInboxMember(ctx, input);
  changed();
});
