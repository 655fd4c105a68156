import { DomainError } from '../errors';
import { ZAttributeListValues, type TAttributeType } from './attribute-schemas';
import { checkRegexPattern } from './check-regex-pattern';

export type AttributeRulesInput = {
  type: TAttributeType;
  listValues: unknown;
  regexPattern: string | null;
  regexHint: string | null;
};

export type AttributeRules = { listValues: string[]; regexPattern: string | null; regexHint: string | null };

// The parts of a definition that depend on its type, checked together on create and update:
// a list needs 1 to 50 values and only a list has them; only text takes a pattern (it must compile
// and be safe, see checkRegexPattern), and a hint is kept only with a pattern.
export const attributeRules = ({ type, listValues, regexPattern, regexHint }: AttributeRulesInput): AttributeRules => {
  let values: string[] = [];
  if (type === 'list') {
    const parsed = ZAttributeListValues.safeParse(listValues ?? []);
    if (!parsed.success) throw new DomainError('INVALID_INPUT', { field: 'listValues' });
    values = parsed.data;
  } else if (Array.isArray(listValues) && listValues.length > 0) {
    throw new DomainError('INVALID_INPUT', { field: 'listValues' });
  }

  if (regexPattern === null) return { listValues: values, regexPattern: null, regexHint: null };
  if (type !== 'text') throw new DomainError('INVALID_INPUT', { field: 'regexPattern', reason: 'type' });
  checkRegexPattern(regexPattern);
  return { listValues: values, regexPattern, regexHint };
};
