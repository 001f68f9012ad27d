import { describe, expect, it } from 'vitest';
import { parse } from '../../policy/parse';
import { blockShape } from './blockShape';

function statement(json: string) {
  const model = parse(`{"Version":"2012-10-17","Statement":[${json}]}`).model;
  const s = model?.statements[0];
  if (!s) throw new Error('no statement');
  return s;
}

describe('blockShape', () => {
  it('edits a one-service statement', () => {
    const shape = blockShape(statement('{"Effect":"Allow","Action":["s3:GetObject","S3:ListBucket"],"Resource":"*"}'));
    expect(shape).toEqual({ services: ['s3'], service: 's3', limits: [] });
  });
  it('uses the chosen service for a block with no actions yet', () => {
    expect(blockShape(statement('{"Effect":"Allow","Action":[],"Resource":[]}'), 'ecs').service).toBe('ecs');
  });
  it('edits a statement of several services in sections, one per service', () => {
    expect(blockShape(statement('{"Effect":"Allow","Action":["s3:GetObject","ec2:DescribeInstances","S3:PutObject"],"Resource":"*"}'))).toEqual({
      services: ['s3', 'ec2'],
      limits: [],
      several: ['s3', 'ec2'],
    });
    // with another limit it stays read-only
    expect(blockShape(statement('{"Effect":"Allow","Action":["s3:*","ec2:*"],"NotResource":"x"}')).several).toBeUndefined();
  });
  it('names what it cannot show', () => {
    expect(blockShape(statement('{"Effect":"Allow","NotResource":"x","Action":"s3:*"}')).limits).toEqual(['NotResource']);
    expect(blockShape(statement('{"Effect":"Allow","Action":["s3:*","ec2:*"],"Resource":"*"}')).limits).toEqual([]);
    expect(blockShape(statement('{"Effect":"Allow","Action":"*","Resource":"*"}')).limits).toEqual([
      'an action wildcard that spans services',
    ]);
    expect(blockShape(statement('{"Effect":"Allow","Action":"s3:*","Resource":"*","Foo":1}')).limits).toEqual([
      'the unknown key "Foo"',
    ]);
    expect(blockShape(statement('{"Effect":"Allow","Principal":"*","Action":"s3:*"}')).service).toBeUndefined();
  });
});
