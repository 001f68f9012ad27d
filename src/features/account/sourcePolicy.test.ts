import { describe, expect, it } from 'vitest';
import { initialState, policyReducer } from '../../editor/policyReducer';
import { blocksFrom, findSource, oldestNonDefault, openedMeta } from './sourcePolicy';

const source = {
  policyName: 'ECS-ReadOnly',
  policyArn: 'arn:aws:iam::123456789012:policy/ECS-ReadOnly',
  version: 'v2',
};

describe('sourcePolicy', () => {
  it('records the source on every opened block and finds it again, also after edits', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ecs:List*'], Resource: ['*'] },
        { Effect: 'Allow', Action: ['ecs:Describe*'], Resource: ['*'] },
      ],
    };
    let state = policyReducer(initialState(), {
      type: 'replaceDocument',
      document,
      label: 'Open',
      meta: openedMeta(2, source),
    });
    expect(findSource(state)).toEqual(source);
    state = policyReducer(state, { type: 'addBlock' });
    expect(blocksFrom(state, source.policyArn)).toHaveLength(2);
    state = policyReducer(state, { type: 'removeBlock', id: state.ids[0] ?? '' });
    expect(findSource(state)?.policyName).toBe('ECS-ReadOnly');
    expect(findSource(initialState())).toBeUndefined();
  });

  it('picks the oldest non-default version', () => {
    const versions = [
      { versionId: 'v10', isDefaultVersion: true },
      { versionId: 'v9', isDefaultVersion: false },
      { versionId: 'v2', isDefaultVersion: false },
      { versionId: 'v1', isDefaultVersion: false },
    ];
    expect(oldestNonDefault(versions)?.versionId).toBe('v1');
    expect(oldestNonDefault([{ versionId: 'v1', isDefaultVersion: true }])).toBeUndefined();
  });
});
