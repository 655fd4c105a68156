// W2 @mentions in private notes. The composer inserts one token per picked agent,
// `@[Name](user:ID)`; the name is only for display (it may be outdated), the id is what counts.
export const MENTION_MARKUP = /@\[([^\]\n]{1,100})\]\(user:(\d{1,10})\)/g;

// The distinct user ids mentioned in a text, in order of first mention.
export const parseMentions = (content: string): number[] => {
  const ids = [...content.matchAll(MENTION_MARKUP)].map((match) => Number(match[2])).filter((id) => id > 0 && id <= 2_147_483_647);
  return [...new Set(ids)];
};

// The text as a reader sees it, each token shown as "@Name" (length limits are on this text).
export const visibleText = (content: string): string => content.replace(MENTION_MARKUP, (_, name: string) => `@${name}`);
