import type { Actor } from '../context';

// Who may read and retry one outbox mail of their account: administrators (the outbox page), and
// the agent who sent it (a transcript that failed is shown to them and they may send it again).
export const mayManageMail = (actor: Actor, entry: { sentByUserId: number | null }): boolean =>
  actor.role === 'administrator' || (entry.sentByUserId !== null && entry.sentByUserId === actor.userId);
