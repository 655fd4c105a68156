import { setupConversation } from './conversation-setup';
import { deriveConversation } from './derive';
import { createRng, deriveSeed } from './prng';
import { buildTimeline } from './timeline';
import type { ContactPlan, ConversationPlan } from './types';

// Conversation i of `total` (display id i + 1), the same whatever else is generated: each one draws from
// its own stream of the seed. The first conversations go once to every contact, the rest mostly to
// a few frequent customers.
export const createConversationGenerator = (seed: number, contacts: ContactPlan[], total: number, now: Date) => {
  const contactOrder = createRng(deriveSeed(seed, 2)).shuffle(contacts.map((_, index) => index));
  return (index: number): ConversationPlan => {
    const rng = createRng(deriveSeed(seed, 1_000_000 + index));
    const contactIndex =
      index < contactOrder.length ? contactOrder[index]! : Math.min(contacts.length - 1, Math.floor(contacts.length * rng.next() ** 2));
    const setup = setupConversation(rng, { index, total, now, contact: contacts[contactIndex]! });
    const messages = buildTimeline(rng, setup, now);
    return deriveConversation(rng, setup, messages, { displayId: index + 1, contactIndex }, now);
  };
};
