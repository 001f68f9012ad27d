import { describe, expect, it } from 'vitest';
import { loadDraft, saveDraft } from './draftStorage';
import { draftOf } from './useDraftPersistence';
import { initialState, policyReducer, type PolicySetOrigin } from './policyReducer';

const ORIGIN: PolicySetOrigin = {
  kind: 'policySet',
  name: 'Cloudcraft',
  description: 'Custom policy for Cloudcraft.',
  parts: [{ name: 'Cloudcraft', arn: 'arn:aws:iam::123456789012:policy/Cloudcraft', versionId: 'v1' }],
  attachedTo: [{ kind: 'role', name: 'cloudcraft' }],
  reference: { policyName: 'ReadOnlyAccess', version: 'v188' },
  excluded: ['s3'],
  retiredRemoved: true,
};
const SET = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] };

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

describe('a draft opened from a policy set', () => {
  it('remembers the set through edits and undo, and forgets it when replaced by anything else', () => {
    const opened = policyReducer(initialState(), { type: 'replaceDocument', document: SET, label: 'Open set', origin: ORIGIN });
    expect(opened.origin).toBe(ORIGIN);
    const id = opened.ids[0] ?? '';
    const edited = policyReducer(opened, { type: 'setField', id, key: 'Action', value: 'ec2:Get*' });
    expect(edited.origin).toBe(ORIGIN);
    const typed = policyReducer(edited, { type: 'setText', text: JSON.stringify(SET) });
    expect(typed.origin).toBe(ORIGIN);

    const replaced = policyReducer(typed, { type: 'replaceDocument', document: SET, label: 'Import' });
    expect(replaced.origin).toBeUndefined();
    expect(policyReducer(replaced, { type: 'undo' }).origin).toBe(ORIGIN);
    expect(policyReducer(opened, { type: 'undo' }).origin).toBeUndefined();
    expect(policyReducer(opened, { type: 'loadText', text: '{}', label: 'Shared draft' }).origin).toBeUndefined();
  });

  it('is saved with the draft and read back', () => {
    const storage = memoryStorage();
    const opened = policyReducer(initialState(), { type: 'replaceDocument', document: SET, label: 'Open set', origin: ORIGIN });
    saveDraft(draftOf(opened), storage);
    expect(loadDraft(storage)?.origin).toEqual(ORIGIN);
    saveDraft(draftOf(initialState()), storage);
    expect(loadDraft(storage)?.origin).toBeUndefined();
    storage.setItem('workbench.draft.v1', JSON.stringify({ ...draftOf(opened), origin: { kind: 'other' } }));
    expect(loadDraft(storage)?.origin).toBeUndefined();
  });
});
