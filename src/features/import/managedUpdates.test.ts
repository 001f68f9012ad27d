import { describe, expect, it } from 'vitest';
import { setStatementField } from '../../policy/edit';
import type { JsonObject, JsonValue } from '../../policy/model';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import { actionFields, changeSummary, managedUpdates, wholeStatementFields } from './managedUpdates';

const source = (version: string) => ({ policyName: 'Example', version });

describe('managedUpdates', () => {
  const latest: { Version: string; Statement: JsonObject[] } = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'iam:GetRole'], Resource: '*' },
      { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/new' },
      { Sid: 'New', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
    ],
  };

  it('pairs blocks by Sid and counts the actions gained and lost', () => {
    const blocks = [
      { id: 'b1', statement: { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }, source: source('v2') },
      { id: 'b2', statement: { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/old' }, source: source('v2') },
      { id: 'b3', statement: { Sid: 'Gone', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }, source: source('v2') },
    ];
    const updates = managedUpdates(blocks, 'v3', latest, fakeCatalog);
    const read = updates.blocks.get('b1');
    expect(read).toMatchObject({ kind: 'changed', latestVersion: 'v3', added: ['iam:GetRole', 's3:PutObject'], removed: ['s3:ListBucket'], otherChanges: false });
    if (read?.kind !== 'changed') throw new Error('expected a change');
    expect(actionFields(read)).toEqual({ Action: ['s3:GetObject', 's3:PutObject', 'iam:GetRole'], NotAction: undefined });
    expect(updates.blocks.get('b2')).toMatchObject({ kind: 'changed', added: [], removed: [], otherChanges: true });
    expect(updates.blocks.get('b3')).toEqual({ kind: 'removed', latestVersion: 'v3' });
    expect(updates.added).toEqual([latest.Statement[2]]);
    expect(updates.firstStale).toBe('b1');

    // Once the new statement is in the draft (from the latest version), it is no longer offered.
    const withNew = [...blocks, { id: 'b4', statement: latest.Statement[2] as JsonObject, source: source('v3') }];
    expect(managedUpdates(withNew, 'v3', latest, fakeCatalog).added).toEqual([]);
  });

  it('ignores a Sid the latest version adds', () => {
    const old = [{ id: 'b1', statement: { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'iam:GetRole'], Resource: '*' }, source: source('v1') }];
    expect(managedUpdates(old, 'v3', { Statement: latest.Statement.slice(0, 1) }, fakeCatalog).blocks.size).toBe(0);
  });

  it('leaves current blocks and blocks that only write the same actions differently alone', () => {
    const current = [{ id: 'b1', statement: latest.Statement[0] as JsonObject, source: source('v3') }];
    expect(managedUpdates(current, 'v3', latest, fakeCatalog).blocks.size).toBe(0);
    const rewritten = [
      { id: 'b1', statement: { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'iam:GetRole'], Resource: '*' }, source: source('v1') },
    ];
    expect(managedUpdates(rewritten, 'v3', { Statement: latest.Statement.slice(0, 1) }, fakeCatalog).blocks.size).toBe(0);
  });

  it('whole-statement fields turn the block into the latest statement', () => {
    const current = { Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: 'x', Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    const next = latest.Statement[1] as JsonObject;
    const fields = wholeStatementFields(current, next);
    let document: JsonValue = { Statement: [current] };
    for (const [key, value] of Object.entries(fields)) document = setStatementField(document, 0, key, value);
    expect((document as { Statement: unknown[] }).Statement[0]).toEqual(next);
  });
});

describe('changeSummary', () => {
  it('says what changes in a few words', () => {
    expect(changeSummary(3, 1, false)).toBe('+3 actions, −1');
    expect(changeSummary(1, 0, false)).toBe('+1 action');
    expect(changeSummary(0, 2, true)).toBe('−2 actions; its resources, conditions or effect changed too');
    expect(changeSummary(0, 0, true)).toBe('its resources, conditions or effect changed');
  });
});
