import { sql, type SQL } from 'drizzle-orm';
import { conversations } from '@/db/schema';

// The conversation carries at least one of these labels: `label_ids && ARRAY[…]`, answered by the
// GIN index conversations_label_ids_idx (label_ids is kept from conversation_labels by the triggers
// of migration 0011). The ids are separate parameters so the planner sees how many there are.
export const hasAnyLabel = (labelIds: readonly number[]): SQL =>
  sql`${conversations.labelIds} && array[${sql.join(
    labelIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::integer[]`;
