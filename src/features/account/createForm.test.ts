import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, createExtras, formProblems } from './createForm';

describe('createForm', () => {
  it('has no problems when empty, and leaves empty parts out of the request', () => {
    expect(formProblems(EMPTY_FORM)).toEqual([]);
    expect(createExtras(EMPTY_FORM)).toEqual({});
  });

  it('reports each field, and sends what was given', () => {
    const form = {
      ...EMPTY_FORM,
      description: 'x'.repeat(1001),
      path: 'team',
      tags: [{ key: 'aws:x', value: '' }],
    };
    expect(formProblems(form)).toHaveLength(3);
    expect(
      createExtras({
        ...EMPTY_FORM,
        description: 'Read ECS',
        path: '/team/',
        tags: [{ key: 'team', value: 'platform' }],
      }),
    ).toEqual({
      description: 'Read ECS',
      path: '/team/',
      tags: [{ key: 'team', value: 'platform' }],
    });
  });
});
