import { z } from 'zod';
import type { ChannelSettings } from '@/db/schema';

// Zod schemas of inbox settings. The channel modules own the plumbing; settings only stores what
// each channel type is configured with.

export const ZChannelType = z.enum(['website', 'api', 'email']);
export type TChannelType = z.infer<typeof ZChannelType>;
export const ZInboxName = z.string().trim().min(1).max(100);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);
const optionalUrl = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .refine((value) => !value || /^https?:\/\/[^\s]+$/.test(value))
  .transform((value) => value || undefined);

// Every field a settings form may send; the ones of other channel types are dropped.
export const ZChannelSettingsInput = z.object({
  websiteUrl: optionalUrl,
  widgetColor: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || /^#[0-9a-fA-F]{6}$/.test(value))
    .transform((value) => value?.toLowerCase() || undefined),
  welcomeTitle: optionalText(100),
  welcomeTagline: optionalText(255),
  // A checkbox: sent ("on") when ticked, absent when not.
  requireIdentityVerification: z
    .union([z.boolean(), z.literal('on')])
    .optional()
    .transform((value) => (value === true || value === 'on' ? true : undefined)),
  webhookUrl: optionalUrl,
  emailAddress: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .refine((value) => !value || z.email().max(320).safeParse(value).success)
    .transform((value) => value || undefined),
  resolvedConversationPolicy: z.enum(['reopen', 'new']).default('reopen'),
});
export type TChannelSettingsInput = z.input<typeof ZChannelSettingsInput>;

type ChannelField = Exclude<keyof z.output<typeof ZChannelSettingsInput>, 'resolvedConversationPolicy'>;
const FIELDS: Record<TChannelType, ChannelField[]> = {
  website: ['websiteUrl', 'widgetColor', 'welcomeTitle', 'welcomeTagline', 'requireIdentityVerification'],
  api: ['webhookUrl'],
  email: ['emailAddress'],
};

// The settings of one channel type, from a parsed form: its own fields and the policy; `kept` are
// stored settings no form edits (e.g. a widget's HMAC secret), which stay as they were.
export const channelSettingsFor = (
  channelType: TChannelType,
  input: z.output<typeof ZChannelSettingsInput>,
  kept: ChannelSettings = {},
): ChannelSettings => {
  const settings: ChannelSettings = { ...kept, resolvedConversationPolicy: input.resolvedConversationPolicy };
  for (const field of Object.values(FIELDS).flat()) delete settings[field];
  for (const field of FIELDS[channelType]) if (input[field] !== undefined) Object.assign(settings, { [field]: input[field] });
  return settings;
};
