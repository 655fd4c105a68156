// The channel of conversation and message events, authorised by inbox membership (DESIGN.md "Realtime").
export const inboxChannel = ({ accountId, inboxId }: { accountId: number; inboxId: number }): string =>
  `private-account-${accountId}-inbox-${inboxId}`;

// The account of an account or inbox channel (private-account-{id} or private-account-{id}-inbox-{id}).
export const accountOfChannel = (channel: string): number | null => {
  const match = /^private-account-(\d+)(?:-inbox-\d+)?$/.exec(channel);
  return match ? Number(match[1]) : null;
};
