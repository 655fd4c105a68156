import { ACCOUNT_TOPICS } from './account';
import { BILLING_TOPICS } from './billing';
import { ORDER_TOPICS } from './orders';
import { SALES_TOPICS } from './sales';
import type { Topic } from './topic';

export type { Topic } from './topic';
export * from './common';

// How often each topic comes up, relative to the others.
export const TOPICS: Array<readonly [Topic, number]> = [...ORDER_TOPICS, ...BILLING_TOPICS, ...ACCOUNT_TOPICS, ...SALES_TOPICS].map(
  (topic) => [topic, topic.key === 'pedido_retrasado' ? 4 : topic.key === 'sugerencia' ? 1 : 2] as const,
);
