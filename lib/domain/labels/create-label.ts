import { z } from 'zod';
import { labels, type Label } from '@/db/schema';
import { requireAdministrator } from '../authorization/scope';
import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { ZLabelColor, ZLabelDescription, ZLabelTitle, ZShowOnSidebar } from './label-schemas';
import { rethrowTitleConflict } from './rethrow-title-conflict';

export const ZCreateLabelInput = z.object({
  title: ZLabelTitle,
  description: ZLabelDescription.optional(),
  color: ZLabelColor,
  showOnSidebar: ZShowOnSidebar.optional(),
});
export type TCreateLabelInput = z.input<typeof ZCreateLabelInput>;

// V5: an administrator adds a label to the account. The title is stored lowercased and is unique
// per account whatever its case (CONFLICT on title otherwise).
export const createLabel = async (ctx: Ctx, input: TCreateLabelInput): Promise<Label> => {
  requireAdministrator(ctx.actor);
  const parsed = ZCreateLabelInput.safeParse(input);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0] ?? '') });
  const { title, description, color, showOnSidebar } = parsed.data;

  try {
    const [label] = await ctx.db
      .insert(labels)
      .values({ accountId: ctx.actor.accountId, title, description: description ?? null, color, showOnSidebar: showOnSidebar ?? true })
      .returning();
    return label;
  } catch (error) {
    return rethrowTitleConflict(error);
  }
};
