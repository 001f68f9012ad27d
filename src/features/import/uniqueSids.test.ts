import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../policy/model';
import { withUniqueSids } from './uniqueSids';

describe('withUniqueSids', () => {
  it('renames only the Sids that clash, keeping key order', () => {
    const existing: JsonObject[] = [{ Sid: 'Read', Effect: 'Allow' }, { Sid: 'Read2', Effect: 'Allow' }, { Effect: 'Deny' }];
    const incoming: JsonObject[] = [
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject' },
      { Sid: 'Write', Effect: 'Allow' },
      { Sid: 'Write', Effect: 'Allow' },
      { Effect: 'Allow' },
    ];
    const result = withUniqueSids(existing, incoming);
    expect(result.map((s) => s.Sid)).toEqual(['Read3', 'Write', 'Write2', undefined]);
    expect(Object.keys(result[0] ?? {})).toEqual(['Sid', 'Effect', 'Action']);
    expect(result[1]).toBe(incoming[1]);
    expect(result[3]).toBe(incoming[3]);
  });
});
