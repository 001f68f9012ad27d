import { describe, expect, it } from 'vitest';
import { parse } from '../../policy/parse';
import { alreadyListed, placeAction, placeService, type BlockRef } from './searchPlacement';

function blocks(...statements: string[]): BlockRef[] {
  const model = parse(`{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`).model;
  if (!model) throw new Error('bad test policy');
  return model.statements.map((statement, i) => ({ id: `b${i + 1}`, statement }));
}

const EMPTY = '{"Effect":"Allow","Action":[],"Resource":[]}';

describe('placeAction', () => {
  it('uses the first block of the service', () => {
    const list = blocks(
      '{"Effect":"Allow","Action":["ec2:RunInstances"]}',
      '{"Effect":"Allow","Action":["s3:ListBucket"]}',
      EMPTY,
    );
    expect(placeAction(list, 'S3')).toEqual({ kind: 'block', id: 'b2', index: 1, service: 's3' });
  });
  it('or the first empty block, whichever comes first', () => {
    const list = blocks(
      '{"Effect":"Allow","Action":["ec2:RunInstances"]}',
      EMPTY,
      '{"Effect":"Allow","Action":["s3:ListBucket"]}',
    );
    expect(placeAction(list, 's3')).toEqual({ kind: 'block', id: 'b2', index: 1 });
  });
  it('counts the service chosen for a block without actions', () => {
    const list = blocks(EMPTY);
    const chosen = [{ ...list[0]!, chosenService: 's3' }];
    expect(placeAction(chosen, 's3')).toEqual({ kind: 'block', id: 'b1', index: 0, service: 's3' });
    expect(placeAction(chosen, 'ec2')).toEqual({ kind: 'new' });
  });
  it('never adds to a Deny block, a NotAction block or one the visual editor cannot show', () => {
    const list = blocks(
      '{"Effect":"Deny","Action":["s3:DeleteBucket"]}',
      '{"Effect":"Allow","NotAction":["s3:DeleteBucket"]}',
      '{"Effect":"Allow","Action":["s3:GetObject"],"NotResource":"*"}',
    );
    expect(placeAction(list, 's3')).toEqual({ kind: 'new' });
  });
  it('needs a new block when there is nothing to add to', () => {
    expect(placeAction([], 's3')).toEqual({ kind: 'new' });
  });
});

describe('placeService', () => {
  it('uses the first empty block, else a new one', () => {
    expect(placeService(blocks('{"Effect":"Allow","Action":["s3:GetObject"]}', EMPTY))).toEqual({
      kind: 'block',
      id: 'b2',
      index: 1,
    });
    expect(placeService(blocks('{"Effect":"Allow","Action":["s3:GetObject"]}'))).toEqual({ kind: 'new' });
  });
  it('a block with a chosen service is not empty', () => {
    const [block] = blocks(EMPTY);
    expect(placeService([{ ...block!, chosenService: 'ec2' }])).toEqual({ kind: 'new' });
  });
});

describe('alreadyListed', () => {
  const [statement] = blocks('{"Effect":"Allow","Action":["s3:getobject","s3:List*"]}').map(
    (b) => b.statement,
  );
  it('by name, in any case, or covered by a pattern', () => {
    expect(alreadyListed(statement!, 's3:GetObject')).toBe(true);
    expect(alreadyListed(statement!, 's3:ListBucket')).toBe(true);
    expect(alreadyListed(statement!, 's3:List*')).toBe(true);
    expect(alreadyListed(statement!, 's3:PutObject')).toBe(false);
  });
});

describe('placeAction with a reason to pass a block over', () => {
  it('makes a new block and says which block was passed over and why', () => {
    const list = blocks('{"Effect":"Allow","Action":["iam:ListRoles","iam:ListPolicies"],"Resource":"*"}');
    expect(placeAction(list, 'iam', () => 'its actions take only Resource "*"')).toEqual({
      kind: 'new',
      reason: { index: 0, why: 'its actions take only Resource "*"' },
    });
    expect(placeAction(list, 'iam', () => undefined)).toEqual({
      kind: 'block',
      id: 'b1',
      index: 0,
      service: 'iam',
    });
  });
});
