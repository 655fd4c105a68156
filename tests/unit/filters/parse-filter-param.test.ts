import { describe, expect, it } from 'vitest';
import { parseFilterParam } from '@/lib/domain/conversations/filters/parse-filter-param';

describe('parseFilterParam', () => {
  it('no param, or an empty one, is no filter and no error', () => {
    expect(parseFilterParam(undefined)).toEqual({});
    expect(parseFilterParam(null)).toEqual({});
    expect(parseFilterParam('  ')).toEqual({});
  });

  it('reads a valid filter from JSON', () => {
    const filter = { operator: 'and', conditions: [{ field: 'priority', op: 'equal', value: 'urgent' }] };
    expect(parseFilterParam(JSON.stringify(filter))).toEqual({ filter });
  });

  it('returns (never throws) INVALID_INPUT with a reason for bad JSON and for filters that do not hold', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['{"operator":', { field: 'filter', reason: 'invalid_json' }],
      ["' or 1=1 --", { field: 'filter', reason: 'invalid_json' }],
      ['null', { field: 'filter', reason: 'invalid_filter' }],
      ['42', { field: 'filter', reason: 'invalid_filter' }],
      ['{"operator":"and","conditions":[]}', { field: 'filter', reason: 'invalid_filter' }],
      ['{"operator":"and","conditions":[{"field":"secret","op":"equal","value":1}]}', { field: 'secret', reason: 'unknown_field', condition: 0 }],
      ['{"operator":"and","conditions":[{"field":"status","op":"contains","value":"o"}]}', { field: 'status', reason: 'unsupported_operator', condition: 0 }],
      ['{"operator":"and","conditions":[{"field":"status","op":"equal","value":"x"}]}', { field: 'status', reason: 'invalid_value', condition: 0 }],
      ['{"operator":"and","conditions":[{"field":"status","op":"regex","value":"x"}]}', { field: 'status', reason: 'unsupported_operator' }],
      ['{"__proto__":{"operator":"and"},"conditions":[]}', { reason: 'invalid_filter' }],
      [`{"operator":"and","conditions":[${Array(11).fill('{"field":"status","op":"equal","value":"open"}').join(',')}]}`, { reason: 'too_many_conditions' }],
      [' '.repeat(5) + 'x'.repeat(20_001), { reason: 'invalid_filter' }],
    ];
    for (const [json, details] of cases) {
      const { filter, error } = parseFilterParam(json);
      expect(filter, json.slice(0, 80)).toBeUndefined();
      expect(error, json.slice(0, 80)).toMatchObject({ code: 'INVALID_INPUT', details });
    }
  });
});
