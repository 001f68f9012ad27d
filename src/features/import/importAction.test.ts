import { describe, expect, it } from 'vitest';
import { initialState, policyReducer } from '../../editor/policyReducer';
import { importAction, isPristineDraft } from './importAction';

const imported = {
  document: {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
      { Sid: 'List', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' },
    ],
  },
  statements: [
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
    { Sid: 'List', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' },
  ],
};
const source = { policyName: 'AmazonS3ReadOnlyAccess', policyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', version: 'v3' };

describe('importAction', () => {
  it('replaces the draft in one undoable step, every block remembering its source', () => {
    const state = initialState();
    const next = policyReducer(state, importAction('replace', state.document, imported, 'Import AmazonS3ReadOnlyAccess', source));
    expect(next.document).toEqual(imported.document);
    expect(next.ids).toHaveLength(2);
    expect(next.ids.map((id) => next.meta[id]?.source)).toEqual([source, source]);
    expect(policyReducer(next, { type: 'undo' }).document).toEqual(state.document);
  });

  it('appends copies with unique Sids and keeps the draft', () => {
    const state = initialState({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Deny', Action: 'iam:*', Resource: '*' }] });
    const next = policyReducer(state, importAction('append', state.document, imported, 'Import', source));
    const statements = (next.document as { Statement: { Sid: string }[] }).Statement;
    expect(statements.map((s) => s.Sid)).toEqual(['Read', 'Read2', 'List']);
    expect(next.meta[next.ids[0] ?? '']).toBeUndefined();
    expect(next.meta[next.ids[1] ?? '']?.source).toEqual(source);
    expect(next.past).toHaveLength(1);
  });

  it('pasted policies carry no source', () => {
    const state = initialState();
    const next = policyReducer(state, importAction('replace', state.document, imported, 'Import pasted policy'));
    expect(Object.keys(next.meta)).toEqual([]);
  });
});

describe('isPristineDraft', () => {
  it('recognizes the new policy and nothing else', () => {
    expect(isPristineDraft(initialState().document)).toBe(true);
    expect(isPristineDraft({ Version: '2012-10-17', Statement: [] })).toBe(true);
    expect(isPristineDraft(imported.document)).toBe(false);
    expect(isPristineDraft({ Statement: [{ Effect: 'Allow', Action: [], Resource: ['*'] }] })).toBe(false);
  });
});
