'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireCtx } from '@/lib/auth/session';
import { buildFilterCondition } from '@/lib/domain/conversations/filters/build-filter';
import { type TConversationFilter, type TFilterCondition } from '@/lib/domain/conversations/filters/filter-schema';
import { listQueryToSearchParams, ZListQuery } from '@/lib/domain/conversations/list/list-query';
import { listAttributeDefinitions } from '@/lib/domain/custom-attributes/list-attribute-definitions';
import type { Ctx } from '@/lib/domain/context';
import { isDomainError } from '@/lib/domain/errors';
import { createSavedView } from '@/lib/domain/saved-views/create-saved-view';
import { parseForm, zFormList, type ActionState } from './action';

// Only the app's own view paths: the action redirects there.
const ZViewPath = z.string().regex(/^\/(all|mentions|unattended|(inbox|label|team|view)\/\d{1,10})$/);

const ZFilterForm = z.object({
  path: ZViewPath,
  intent: z.enum(['apply', 'save', 'clear']),
  operator: z.enum(['and', 'or']).catch('and'),
  field: zFormList(z.string().max(200)),
  op: zFormList(z.string().max(40)),
  value: zFormList(z.string().max(500)),
  name: z.string().trim().max(80).optional(),
  tab: z.string().optional(),
  status: z.string().optional(),
  sort: z.string().optional(),
});

const NO_VALUE_OPS = new Set(['present', 'not_present']);

// The rows of the panel as filter conditions: empty rows are skipped, values typed by the field
// (checkboxes become booleans; everything else stays text and is checked by the filter schema).
const conditionsFrom = async (ctx: Ctx, form: z.infer<typeof ZFilterForm>): Promise<TFilterCondition[]> => {
  const checkboxes = new Set(
    (await listAttributeDefinitions(ctx)).filter((definition) => definition.type === 'checkbox').map((definition) => `${definition.model}_attribute:${definition.key}`),
  );
  return form.field.flatMap((field, index) => {
    const op = form.op[index] ?? '';
    const raw = (form.value[index] ?? '').trim();
    if (!field || !op || (!raw && !NO_VALUE_OPS.has(op))) return [];
    if (NO_VALUE_OPS.has(op)) return [{ field, op } as TFilterCondition];
    const value = checkboxes.has(field) ? raw === 'true' : raw;
    return [{ field, op, value } as TFilterCondition];
  });
};

// L4: applies the filter panel (the list URL carries it), clears it, or saves it as a view (V7).
export const filterAction = async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
  const ctx = await requireCtx();
  const parsed = parseForm(ZFilterForm, formData);
  if (!parsed.success) return { error: 'INVALID_INPUT' };
  const form = parsed.data;
  const keep = ZListQuery.parse({ tab: form.tab, status: form.status, sort: form.sort });
  // Only mentions and unattended have a default tab of their own (defaultTabOf); the path names them.
  const view = { kind: form.path === '/mentions' || form.path === '/unattended' ? ('mentions' as const) : ('all' as const) };
  if (form.intent === 'clear') redirect(withParams(form.path, listQueryToSearchParams(keep, view)));

  const conditions = await conditionsFrom(ctx, form);
  if (conditions.length === 0) return { error: 'INVALID_INPUT', details: { reason: 'empty_filter' } };
  const filter: TConversationFilter = { operator: form.operator, conditions };
  let savedViewId: number | undefined;
  try {
    await buildFilterCondition(ctx, filter);
    if (form.intent === 'save') {
      if (!form.name) return { error: 'INVALID_INPUT', details: { reason: 'missing_name' }, field: 'name' };
      savedViewId = (await createSavedView(ctx, { name: form.name, filter })).id;
    }
  } catch (error) {
    if (isDomainError(error)) return { error: error.code, details: error.details };
    throw error;
  }
  if (savedViewId) {
    revalidatePath('/', 'layout');
    redirect(`/view/${savedViewId}`);
  }
  redirect(withParams(form.path, listQueryToSearchParams({ ...keep, filter }, view)));
};

const withParams = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

