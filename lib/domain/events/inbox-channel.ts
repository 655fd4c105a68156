// The channel of conversation and message events, authorised by inbox membership (DESIGN.md "Realtime").
export const inboxChannel = ({ accountId, inboxId }: { accountId: number; inboxId: number }): string =>
  `private-account-${accountId}-inbox-${inboxId}`;

// Whether a channel is an inbox's (inboxChannel).
export const isInboxChannel = (channel: string): boolean => /^private-account-\d+-inbox-\d+$/.test(channel);

// The account of an account or inbox channel (private-account-{id} or private-account-{id}-inbox-{id}).
export const accountOfChannel = (channel: string): number | null => {
  const match = /^private-account-(\d+)(?:-inbox-\d+)?$/.exec(channel);
  return match ? Number(match[1]) : null;
};
