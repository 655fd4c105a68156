import { createContactGenerator } from './db/seed/contacts';
import { createConversationGenerator } from './db/seed/conversations';
import { createRng, deriveSeed } from './db/seed/prng';
const now = new Date('2025-06-10T15:00:00Z');
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const next = createContactGenerator(createRng(deriveSeed(1, 1)), now);
  const contacts = Array.from({ length: 40 }, (_, i) => next(i));
  const gen = createConversationGenerator(1, contacts, 150, now);
  const plans = Array.from({ length: 150 }, (_, i) => gen(i));
  console.log('generate', (performance.now() - t).toFixed(0), 'ms', plans.reduce((s, p) => s + p.messages.length, 0));
}
