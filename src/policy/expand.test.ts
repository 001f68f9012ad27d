import { describe, expect, it } from 'vitest';
import { actionKey, actionsAllowed, expandActionPattern, expandActions, matchesPattern } from './expand';
import { parseValue } from './parse';
import { fakeCatalog, makeFakeCatalog } from './testing/fakeCatalog';

const names = (patterns: string | string[]) =>
  (typeof patterns === 'string'
    ? expandActionPattern(patterns, fakeCatalog)
    : expandActions(patterns, fakeCatalog)
  ).map((action) => `${action.service}:${action.name}`);

describe('matchesPattern', () => {
  it('matches case-insensitively with * and ?', () => {
    expect(matchesPattern('s3:GetObject', 'S3:getobject')).toBe(true);
    expect(matchesPattern('*', 'iam:PassRole')).toBe(true);
    expect(matchesPattern('*', '')).toBe(true);
    expect(matchesPattern('s3:*', 's3:')).toBe(true);
    expect(matchesPattern('s3:Get*', 's3:GetObject')).toBe(true);
    expect(matchesPattern('s3:Get*', 's3:PutObject')).toBe(false);
    expect(matchesPattern('*:Get*', 'iam:GetRole')).toBe(true);
    expect(matchesPattern('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(matchesPattern('s3:Get?bject', 's3:Getbject')).toBe(false);
    expect(matchesPattern('s3:*Object*', 's3:PutObjectAcl')).toBe(true);
    expect(matchesPattern('s3:*a*b*c', 's3:xaybzc')).toBe(true);
    expect(matchesPattern('s3:*a*b*c', 's3:xaybzcd')).toBe(false);
    expect(matchesPattern('s3:GetObject', 's3:GetObjectAcl')).toBe(false);
    expect(matchesPattern('s3:GetObject*', 's3:GetObject')).toBe(true);
    expect(matchesPattern('a*', 'b')).toBe(false);
    expect(matchesPattern('', '')).toBe(true);
    expect(matchesPattern('?', '')).toBe(false);
  });

  it('stays fast on adversarial patterns', () => {
    const start = performance.now();
    expect(matchesPattern('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('expandActionPattern', () => {
  it('expands "*" to every action', () => {
    expect(expandActionPattern('*', fakeCatalog)).toHaveLength(fakeCatalog.allActions.length);
  });

  it('expands a service wildcard', () => {
    expect(names('sts:*')).toEqual(['sts:AssumeRole', 'sts:GetCallerIdentity', 'sts:TagSession']);
    expect(names('STS:*')).toHaveLength(3);
  });

  it('expands wildcards in the service part', () => {
    expect(names('*:Get*')).toEqual([
      'iam:GetRole',
      'iam:GetUser',
      's3:GetBucketTagging',
      's3:GetObject',
      's3:GetObjectTagging',
      'sts:GetCallerIdentity',
    ]);
    expect(names('?3:List*')).toEqual(['s3:ListAllMyBuckets', 's3:ListBucket']);
    expect(names('*Role')).toEqual([
      'iam:CreateRole',
      'iam:DeleteRole',
      'iam:GetRole',
      'iam:PassRole',
      'iam:TagRole',
      'sts:AssumeRole',
    ]);
  });

  it('expands ? and mixed wildcards in the action part', () => {
    expect(names('s3:Get*Tag?ing')).toEqual(['s3:GetBucketTagging', 's3:GetObjectTagging']);
    expect(names('s3:*Object')).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(names('ec2:describe*')).toEqual(['ec2:DescribeImages', 'ec2:DescribeInstances']);
  });

  it('finds exact names case-insensitively and returns nothing for unknown ones', () => {
    expect(names('S3:GETOBJECT')).toEqual(['s3:GetObject']);
    expect(names('s3:GetObjectz')).toEqual([]);
    expect(names('nope:*')).toEqual([]);
    expect(names('nope:Get*')).toEqual([]);
    expect(names('s3')).toEqual([]);
    expect(names('')).toEqual([]);
  });

  it('returns fresh arrays', () => {
    const first = expandActionPattern('s3:*', fakeCatalog);
    first.length = 0;
    expect(expandActionPattern('s3:*', fakeCatalog).length).toBeGreaterThan(0);
  });
});

describe('expandActions', () => {
  it('dedupes across patterns, in order of first match', () => {
    expect(names(['s3:GetObject', 's3:Get*', 'S3:getobject', 'sts:AssumeRole'])).toEqual([
      's3:GetObject',
      's3:GetBucketTagging',
      's3:GetObjectTagging',
      'sts:AssumeRole',
    ]);
    expect(names([])).toEqual([]);
  });

  it('answers a list it was asked for before the same way, and a caller changing its answer changes nothing', () => {
    const list = ['s3:Get*', 'sts:AssumeRole'];
    const first = expandActions(list, fakeCatalog);
    first.pop();
    first.push(first[0] as (typeof first)[number]);
    expect(names([...list])).toEqual(['s3:GetBucketTagging', 's3:GetObject', 's3:GetObjectTagging', 'sts:AssumeRole']);
    // a longer list is another question
    expect(names(['s3:Get*', 'sts:AssumeRole', 's3:PutObject'])).toContain('s3:PutObject');
  });

  it('answers from a catalog that has loaded more actions with those actions', () => {
    const list = ['s3:Get*', 'sts:AssumeRole'];
    expect(expandActions(list, makeFakeCatalog()).map((a) => a.name)).not.toContain('GetExtraThing');
    const bigger = makeFakeCatalog();
    const extra = { ...(bigger.allActions[0] as (typeof bigger.allActions)[number]), service: 's3', name: 'GetExtraThing' };
    const s3 = bigger.service('s3');
    if (!s3) throw new Error('the fake catalog has s3');
    const grownS3 = { ...s3, actions: [...s3.actions, extra] };
    const grown = {
      ...bigger,
      allActions: [...bigger.allActions, extra],
      service: (prefix: string) => (prefix.toLowerCase() === 's3' ? grownS3 : bigger.service(prefix)),
    };
    expect(expandActions(list, grown).map((a) => a.name)).toContain('GetExtraThing');
  });
});

describe('actionsAllowed', () => {
  const allowed = (document: object) => [...actionsAllowed(parseValue(document), fakeCatalog)].sort();

  it('unions Allow statements', () => {
    expect(
      allowed({
        Statement: [
          { Effect: 'Allow', Action: 'sts:*', Resource: '*' },
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 'iam:Get*'],
            Resource: 'arn:aws:s3:::b/*',
            Condition: { Bool: { x: 'true' } },
          },
        ],
      }),
    ).toEqual([
      'iam:getrole',
      'iam:getuser',
      's3:getobject',
      'sts:assumerole',
      'sts:getcalleridentity',
      'sts:tagsession',
    ]);
  });

  it('handles NotAction as every catalog action except the matched ones', () => {
    const result = allowed({
      Statement: { Effect: 'Allow', NotAction: ['iam:*', 's3:*', 'ec2:*'], Resource: '*' },
    });
    expect(result).toEqual(['sts:assumerole', 'sts:getcalleridentity', 'sts:tagsession']);
  });

  it('subtracts unconditional Deny statements, ignoring their resources', () => {
    const result = allowed({
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: ['iam:*', 'ec2:*'], Resource: 'arn:aws:iam::1:role/x' },
        { Effect: 'Deny', NotAction: 's3:*', Resource: '*', Condition: {} },
        { Effect: 'Deny', Action: 's3:GetObject', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ],
    });
    expect(result).toEqual(
      fakeCatalog.services
        .find((s) => s.prefix === 's3')!
        .actions.map(actionKey)
        .sort(),
    );
  });

  it('ignores statements without a usable Effect or action list', () => {
    expect(
      allowed({
        Statement: [
          { Effect: 'allow', Action: '*' },
          { Effect: 'Allow', Action: [1] },
          { Effect: 'Allow' },
          'x',
        ],
      }),
    ).toEqual([]);
    expect(actionsAllowed(parseValue([1]), fakeCatalog).size).toBe(0);
  });

  it('proves two differently written policies equivalent', () => {
    const a = allowed({ Statement: [{ Effect: 'Allow', Action: ['sts:*', 's3:Get*'], Resource: '*' }] });
    const b = allowed({
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:GetCallerIdentity', 'STS:TagSession'],
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjectTagging', 's3:GetBucketTagging'],
          Resource: '*',
        },
      ],
    });
    expect(a).toEqual(b);
  });

  it('follows the catalog it is given (index cached per action list)', () => {
    const small = makeFakeCatalog([{ prefix: 'x', name: 'X', actions: [['Do', 'Write']] }]);
    expect([...actionsAllowed(parseValue({ Statement: { Effect: 'Allow', Action: '*' } }), small)]).toEqual([
      'x:do',
    ]);
  });
});
