// The channel of conversation and message events, authorised by inbox membership (DESIGN.md "Realtime").
export const inboxChannel = ({ accountId, inboxId }: { accountId: number; inboxId: number }): string =>
  `private-account-${accountId}-inbox-${inboxId}`;
