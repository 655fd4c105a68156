import { and, inArray } from 'drizzle-orm';
import { labels, type Label } from '@/db/schema';
import { accountScope } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { createLabel } from './create-label';
import { ZLabelTitle } from './label-schemas';

// New labels get one of the palette's colours, the same one for the same title.
const PALETTE = ['#1f93ff', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#14b8a6', '#ec4899', '#64748b'];
export const labelColourFor = (title: string) => PALETTE[[...title].reduce((sum, char) => sum + (char.codePointAt(0) ?? 0), 0) % PALETTE.length];

// The account's labels with these titles (titles are stored lowercased: any case matches), in the
// order given, without repeats; a title the account has no label for is created, which only
// administrators may do (FORBIDDEN for agents, as in createLabel). A title that is not a label
// title is INVALID_INPUT (field `labels`). Call inside the transaction of the change.
export const labelsByTitle = async (ctx: Ctx, titles: string[]): Promise<Label[]> => {
  const wanted = [
    ...new Set(
      titles.map((title) => {
        const parsed = ZLabelTitle.safeParse(title);
        if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: 'labels' });
        return parsed.data;
      }),
    ),
  ];
  if (wanted.length === 0) return [];
  const found = await ctx.db
    .select()
    .from(labels)
    .where(and(accountScope(ctx.actor, labels.accountId), inArray(labels.title, wanted)));
  const byTitle = new Map(found.map((label) => [label.title, label]));
  const result: Label[] = [];
  for (const title of wanted) result.push(byTitle.get(title) ?? (await createLabel(ctx, { title, color: labelColourFor(title) })));
  return result;
};
