// @mentions in private notes: the textarea shows "@Name"; on send the names picked from the list
// become the markup the server reads, `@[Name](user:ID)`.

export type MentionCandidate = { id: number; name: string };

// The "@que" being typed right before the caret, if any.
export const mentionQueryAt = (text: string, caret: number): { start: number; query: string } | null => {
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
};

const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

export const matchingAgents = (agents: MentionCandidate[], query: string) =>
  agents.filter((agent) => fold(agent.name).split(/\s+/).some((word) => word.startsWith(fold(query))) || fold(agent.name).startsWith(fold(query))).slice(0, 8);

// Replaces each picked "@Name" in the text with its markup (longest names first, so "@Ana María"
// is not taken for "@Ana").
export const withMentionMarkup = (text: string, picked: MentionCandidate[]) =>
  [...picked]
    .sort((a, b) => b.name.length - a.name.length)
    .reduce((result, agent) => result.split(`@${agent.name}`).join(`@[${agent.name}](user:${agent.id})`), text);

// The "@words" of a note that name no agent of the inbox ("@Sof" when nobody is called so): the
// composer says so instead of sending them as plain text. An "@" inside a word (an email address)
// is not a mention.
export const unknownMentions = (text: string, agents: MentionCandidate[]) => {
  const names = agents.map((agent) => agent.name);
  const unknown: string[] = [];
  for (const match of text.matchAll(/(^|\s)@([\p{L}\p{N}._-]+)/gu)) {
    const at = (match.index ?? 0) + match[1].length + 1;
    if (!names.some((name) => text.startsWith(name, at))) unknown.push(`@${match[2]}`);
  }
  return unknown;
};
