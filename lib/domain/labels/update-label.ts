import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { labels, type Label } from '@/db/schema';
import { accountScope, requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZId } from '../conversations/actions/schemas';
import { ZLabelColor, ZLabelDescription, ZLabelTitle, ZShowOnSidebar } from './label-schemas';
import { rethrowTitleConflict } from './rethrow-title-conflict';

export const ZUpdateLabelInput = z.object({
  labelId: ZId,
  title: ZLabelTitle.optional(),
  description: ZLabelDescription.optional(),
  color: ZLabelColor.optional(),
  showOnSidebar: ZShowOnSidebar.optional(),
});
export type TUpdateLabelInput = z.input<typeof ZUpdateLabelInput>;

// V5: an administrator renames, recolours or re-describes a label; fields left out keep their value.
// Past activity messages keep the title they were written with: they are history.
export const updateLabel = async (ctx: Ctx, input: TUpdateLabelInput): Promise<Label> => {
  requireAdministrator(ctx.actor);
  const parsed = ZUpdateLabelInput.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    // A malformed id names no label.
    if (field === 'labelId') throw new DomainError('NOT_FOUND', { entity: 'label' });
    throw new DomainError('INVALID_INPUT', { field });
  }
  const { labelId, ...changes } = parsed.data;

  const where = and(eq(labels.id, labelId), accountScope(ctx.actor, labels.accountId));
  const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<Label>;
  try {
    const [label] =
      Object.keys(set).length === 0
        ? await ctx.db.select().from(labels).where(where)
        : await ctx.db.update(labels).set(set).where(where).returning();
    if (!label) throw new DomainError('NOT_FOUND', { entity: 'label' });
    return label;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    return rethrowTitleConflict(error);
  }
};
