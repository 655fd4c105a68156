import { z } from 'zod';
import { savedViews, type SavedView } from '@/db/schema';
import type { TConversationFilter } from '../conversations/filters/filter-schema';
import { ZDbId } from '../request-values';

// V7 inputs and output, shared by the saved view functions.

export const ZSavedViewName = z.string().trim().min(1).max(80);
export const ZSavedViewId = ZDbId;

// The views panel counts each saved view with a query of its own, so an agent keeps a panel's
// worth of them, not thousands.
export const MAX_SAVED_VIEWS_PER_USER = 100;

export type TSavedView = { id: number; name: string; filter: TConversationFilter; createdAt: Date; updatedAt: Date };

// The columns a saved view is read with.
export const SAVED_VIEW_COLUMNS = {
  id: savedViews.id,
  name: savedViews.name,
  filter: savedViews.filter,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
};

// Stored filters were validated when saved; the jsonb column is typed loosely, so say what it holds.
export const toSavedView = (row: Pick<SavedView, 'id' | 'name' | 'filter' | 'createdAt' | 'updatedAt'>): TSavedView => ({
  ...row,
  filter: row.filter as TConversationFilter,
});
