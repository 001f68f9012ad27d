import { describe, expect, it } from 'vitest';
import { actionsAllowed } from '../../policy/expand';
import { buildModel } from '../../policy/parse';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import { describeCrossService, planExclusion } from './excludePlan';

const allowed = (document: unknown) => [...actionsAllowed(buildModel(document as never), fakeCatalog)];

describe('planExclusion', () => {
  it('removes the service entries and the statements left empty', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['s3:GetObject', 'iam:GetRole'], Resource: '*' },
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      ],
    };
    const plan = planExclusion(document, 's3', fakeCatalog, 'expand');
    expect(plan.changed).toBe(true);
    expect(plan.crossService).toEqual([]);
    expect([...plan.removedStatements]).toEqual([1]);
    expect(plan.appended).toBe(0);
    expect(plan.changes).toEqual([
      'Permission block 1: removes s3:GetObject.',
      'Permission block 2: removes s3:*.',
      'Permission block 2 named nothing else, so it is removed.',
    ]);
    expect(allowed(plan.document).some((key) => key.startsWith('s3:'))).toBe(false);
    expect(plan.sizeAfter).toBeLessThan(plan.sizeBefore);
    expect(plan.othersAllowed).toBe(2);
    expect(plan.error).toBeUndefined();
  });

  it('reports a cross-service wildcard and applies either remedy', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*:Get*'], Resource: '*' }] };
    const expand = planExclusion(document, 's3', fakeCatalog, 'expand');
    expect(expand.crossService).toHaveLength(1);
    const note = expand.crossService[0];
    if (!note) throw new Error('no note');
    expect(describeCrossService(note, 'Amazon S3')).toMatch(/^Permission block 1: "\*:Get\*" matches \d+ actions? of Amazon S3 \(and \d+ actions? of other services\)/);
    expect(allowed(expand.document).some((key) => key.startsWith('s3:'))).toBe(false);
    expect(allowed(expand.document).some((key) => key.startsWith('iam:get'))).toBe(true);
    expect(expand.changes[0]).toMatch(/^Permission block 1: \*:Get\* becomes \d+ per-service patterns/);

    const deny = planExclusion(document, 's3', fakeCatalog, 'deny');
    expect(deny.appended).toBe(1);
    expect(deny.changes).toEqual(['Adds a Deny block for s3:* at the end.']);
    expect((deny.document as { Statement: unknown[] }).Statement).toHaveLength(2);
    expect(allowed(deny.document).some((key) => key.startsWith('s3:'))).toBe(false);
  });

  it('says when there is nothing to exclude', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetRole'], Resource: '*' }] };
    const plan = planExclusion(document, 's3', fakeCatalog, 'expand');
    expect(plan.changed).toBe(false);
    expect(plan.changes).toEqual([]);
  });
});
