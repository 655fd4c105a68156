// Chatwoot's timestamps are Unix seconds.
export const unix = (date: Date | null | undefined): number | null => (date ? Math.floor(date.getTime() / 1000) : null);
