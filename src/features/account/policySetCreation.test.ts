import { describe, expect, it } from 'vitest';
import type { AttachResult, PolicyInfo, PrincipalInfo } from '../../api/contract';
import {
  PART_TAG,
  SET_TAG,
  attachmentsToSend,
  partTags,
  partsToCreate,
  roomFor,
  setOutcome,
  setPartNames,
  stemProblem,
  type PartState,
} from './policySetCreation';

const policy = (name: string): PolicyInfo => ({
  name,
  arn: `arn:aws:iam::123456789012:policy/${name}`,
  path: '/',
  id: name,
  defaultVersionId: 'v1',
  attachmentCount: 0,
  isAttachable: true,
});

const principal = (count: number | undefined): PrincipalInfo => ({
  kind: 'role',
  name: 'cloudcraft',
  arn: 'arn:aws:iam::123456789012:role/cloudcraft',
  path: '/',
  id: 'R',
  ...(count === undefined ? {} : { attachedPolicyCount: count }),
  attachedPolicyQuota: 10,
  atQuota: count === 10,
});

describe('policy set creation', () => {
  it('names the parts from one stem, each within IAM\'s name limit', () => {
    expect(setPartNames('Cloudcraft', 3)).toEqual(['Cloudcraft', 'Cloudcraft-2', 'Cloudcraft-3']);
    const long = setPartNames('x'.repeat(128), 12);
    expect(long.every((n) => n.length <= 128)).toBe(true);
    expect(long[11]).toMatch(/-12$/);
    expect(stemProblem('Cloudcraft', 5)).toBeUndefined();
    expect(stemProblem('', 5)).toMatch(/Enter a name/);
    expect(stemProblem('Cloud craft', 5)).toMatch(/letters, digits/);
  });

  it('tags every part with the set and its place', () => {
    expect(partTags('Cloudcraft', 1, 5, [{ key: 'team', value: 'ops' }])).toEqual([
      { key: 'team', value: 'ops' },
      { key: SET_TAG, value: 'Cloudcraft' },
      { key: PART_TAG, value: '2/5' },
    ]);
  });

  it('says before anything is sent whether a target has room for the whole set', () => {
    expect(roomFor(principal(2), 5).fits).toBe(true);
    expect(roomFor(principal(6), 5)).toEqual({ fits: false, text: '6/10 attached: no room for 5 more (4 free)' });
    expect(roomFor(principal(undefined), 5).fits).toBe(true);
  });

  it('retries only what failed in a way a retry can fix, and never duplicates', () => {
    const a = policy('Set');
    const b = policy('Set-2');
    const states: PartState[] = [
      { status: 'created', policy: a },
      { status: 'created', policy: b },
      { status: 'failed', error: { code: 'Timeout', message: 'timed out' } },
    ];
    expect(partsToCreate(states)).toEqual([2]);
    const targets = [
      { kind: 'role', name: 'cloudcraft' },
      { kind: 'user', name: 'alice' },
    ] as const;
    const r = (kind: 'role' | 'user', name: string, status: AttachResult['status']): AttachResult => ({ kind, name, status });
    const results = new Map([
      [a.arn, new Map([['role:cloudcraft', r('role', 'cloudcraft', 'attached')], ['user:alice', r('user', 'alice', 'error')]])],
      [b.arn, new Map([['role:cloudcraft', r('role', 'cloudcraft', 'quota-reached')]])],
    ]);
    expect(attachmentsToSend(states, targets, results)).toEqual([
      { index: 0, policyArn: a.arn, targets: [{ kind: 'user', name: 'alice' }] },
      { index: 1, policyArn: b.arn, targets: [{ kind: 'user', name: 'alice' }] },
    ]);
    expect(setOutcome(states, targets, results)).toEqual({
      created: 2,
      parts: 3,
      attached: 1,
      attachments: 6,
      retryable: 2,
      final: 1,
    });
  });
});
