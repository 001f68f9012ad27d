import { describe, expect, it } from 'vitest';
import {
  addScenario,
  currentScenario,
  defaultBook,
  DEFAULT_PRINCIPAL,
  readBook,
  removeCurrent,
  updateCurrent,
  writeBook,
} from './scenario';

describe('scenario book', () => {
  it('starts with one scenario; a trust policy is simulated as a resource-based policy', () => {
    expect(defaultBook('managed').scenarios[0]).toMatchObject({ name: 'Scenario 1', draftAs: 'identity', resources: ['*'], principal: DEFAULT_PRINCIPAL });
    expect(defaultBook('trust').scenarios[0]?.draftAs).toBe('resource');
  });

  it('round-trips through the saved value', () => {
    let book = updateCurrent(defaultBook('managed'), {
      actions: ['ecs:RunTask'],
      context: [{ key: 'aws:MultiFactorAuthPresent', value: 'true' }],
      policies: { identity: ['{}'], boundary: 'b', scps: ['s1', 's2'], resource: '', session: 'x' },
    });
    book = addScenario(book);
    book = updateCurrent(book, { mode: 'draft', draftAs: 'boundary', name: 'Boundary' });
    const value = JSON.parse(JSON.stringify(writeBook(book))) as Parameters<typeof readBook>[0];
    expect(readBook(value, 'managed')).toStrictEqual(book);
    expect(book.current).toBe(1);
    expect(currentScenario(book).actions).toEqual(['ecs:RunTask']);
    expect(book.scenarios.map((s) => s.name)).toEqual(['Scenario 1', 'Boundary']);
  });

  it('reads damaged or foreign values as the default, field by field', () => {
    expect(readBook(null, 'managed')).toStrictEqual(defaultBook('managed'));
    expect(readBook('x', 'managed')).toStrictEqual(defaultBook('managed'));
    expect(readBook({ scenarios: [1, null] }, 'managed')).toStrictEqual(defaultBook('managed'));
    const book = readBook(
      { current: 7, scenarios: [{ name: ' ', mode: 'odd', draftAs: 'nowhere', actions: ['a', 3], context: [{ key: 'k' }, 'x'], policies: { scps: 'no' } }] },
      'managed',
    );
    expect(book.current).toBe(0);
    expect(book.scenarios[0]).toStrictEqual({
      name: 'Scenario 1',
      mode: 'chosen',
      draftAs: 'identity',
      actions: ['a'],
      resources: ['*'],
      principal: DEFAULT_PRINCIPAL,
      context: [{ key: 'k', value: '' }],
      policies: { identity: [], boundary: '', scps: [], resource: '', session: '' },
    });
  });

  it('adds copies with fresh names and removes the current one (the last one resets)', () => {
    let book = addScenario(addScenario(defaultBook('managed')));
    expect(book.scenarios.map((s) => s.name)).toEqual(['Scenario 1', 'Scenario 2', 'Scenario 3']);
    book = removeCurrent({ ...book, current: 1 }, 'managed');
    expect(book.scenarios.map((s) => s.name)).toEqual(['Scenario 1', 'Scenario 3']);
    expect(book.current).toBe(1);
    expect(addScenario(book).scenarios.at(-1)?.name).toBe('Scenario 4');
    const only = updateCurrent(defaultBook('managed'), { actions: ['x:Y'] });
    expect(removeCurrent(only, 'managed')).toStrictEqual(defaultBook('managed'));
  });
});
