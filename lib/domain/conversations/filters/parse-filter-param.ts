import { isDomainError, type DomainError } from '../../errors';
import { filterError } from './filter-error';
import type { TConversationFilter } from './filter-schema';
import { validateFilter } from './validate-filter';

// Far more than ten conditions of fifty values need; a longer param is refused before JSON.parse.
const MAX_PARAM_LENGTH = 20_000;

// Reads the URL's `filter` param (JSON). Never throws: no param → no filter; bad JSON or a filter
// that does not hold → `error` (INVALID_INPUT with a reason) for the page to show beside an empty list.
export const parseFilterParam = (json: string | null | undefined): { filter?: TConversationFilter; error?: DomainError } => {
  if (json === null || json === undefined || json.trim() === '') return {};
  if (json.length > MAX_PARAM_LENGTH) return { error: filterError('invalid_filter') };
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    return { error: filterError('invalid_json') };
  }
  try {
    return { filter: validateFilter(input) };
  } catch (error) {
    if (isDomainError(error)) return { error };
    return { error: filterError('invalid_filter') };
  }
};
