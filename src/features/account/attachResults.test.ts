import { describe, expect, it } from 'vitest';
import type { AttachResult } from '../../api/contract';
import {
  mergeResults,
  newTargets,
  resultSummary,
  retryTargets,
  statusText,
  targetKey,
} from './attachResults';

const r = (
  kind: AttachResult['kind'],
  name: string,
  status: AttachResult['status'],
  extra: Partial<AttachResult> = {},
): AttachResult => ({ kind, name, status, ...extra });

describe('attach results', () => {
  it('keeps the latest result per target, names compared case-insensitively', () => {
    const first = mergeResults(new Map(), [
      r('user', 'bob', 'attached'),
      r('role', 'data-pipeline-role', 'quota-reached'),
    ]);
    expect(resultSummary(first)).toBe('1 of 2 targets have the policy; 1 failed');
    const selected = [
      { kind: 'user', name: 'bob' },
      { kind: 'role', name: 'data-pipeline-role' },
    ] as const;
    // a full quota is not something a retry can fix
    expect(retryTargets(selected, first)).toEqual([]);
    const retried = mergeResults(first, [r('role', 'Data-Pipeline-Role', 'attached')]);
    expect(retried.size).toBe(2);
    expect(retryTargets(selected, retried)).toEqual([]);
    expect(resultSummary(retried)).toBe('2 of 2 targets have the policy');
  });

  it('sends new targets once, retries only failed ones, and never a target that has the policy', () => {
    const results = mergeResults(new Map(), [
      r('user', 'bob', 'attached'),
      r('group', 'Developers', 'already-attached'),
      r('role', 'x', 'error', { code: 'Throttling' }),
      r('user', 'carol', 'access-denied'),
    ]);
    const selected = [
      { kind: 'user', name: 'bob' },
      { kind: 'group', name: 'developers' },
      { kind: 'role', name: 'x' },
      { kind: 'role', name: 'X' },
      { kind: 'user', name: 'alice' },
    ] as const;
    expect(newTargets(selected, results)).toEqual([{ kind: 'user', name: 'alice' }]);
    expect(retryTargets(selected, results)).toEqual([{ kind: 'role', name: 'x' }]);
    // a failed target the user unchecked is not retried
    expect(
      retryTargets(
        selected.filter((t) => t.name.toLowerCase() !== 'x'),
        results,
      ),
    ).toEqual([]);
    expect(targetKey({ kind: 'user', name: 'Bob' })).toBe(targetKey({ kind: 'user', name: 'bob' }));
  });

  it('says what happened to each target and what to do', () => {
    expect(statusText(r('user', 'a', 'attached')).label).toBe('Attached');
    expect(statusText(r('user', 'a', 'already-attached')).label).toBe('Already attached');
    const quota = statusText(
      r('role', 'a', 'quota-reached', {
        code: 'LimitExceeded',
        message: 'Cannot exceed quota for PoliciesPerRole: 10',
      }),
    );
    expect(quota.label).toBe('Quota reached');
    expect(quota.detail).toBe(
      'Cannot exceed quota for PoliciesPerRole: 10. Detach a policy from it first, or choose another target.',
    );
    expect(statusText(r('role', 'a', 'no-such-entity')).detail).toMatch(/refresh the list/);
    expect(
      statusText(
        r('role', 'a', 'access-denied', { message: 'User is not authorized', hint: 'Ask an administrator' }),
      ).detail,
    ).toBe('User is not authorized. Ask an administrator.');
    expect(statusText(r('role', 'a', 'error', { code: 'Throttling', message: 'Rate exceeded' })).label).toBe(
      'Failed (Throttling)',
    );
  });
});
