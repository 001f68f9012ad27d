import { describe, expect, it } from 'vitest';
import { canonicalJson, grantDifference, grantsByContext, sameGrants, statementContext } from './grants';
import type { JsonObject } from './model';
import { fakeCatalog } from './testing/fakeCatalog';

describe('statementContext', () => {
  it('ignores Sid, the action element, key order and the order of set-like lists', () => {
    const a: JsonObject = {
      Sid: 'A',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['arn:b', 'arn:a'],
      Condition: {
        StringEquals: { 'aws:PrincipalTag/team': ['x', 'y'], 'aws:RequestedRegion': 'eu-west-1' },
      },
    };
    const b: JsonObject = {
      Condition: {
        StringEquals: { 'aws:RequestedRegion': ['eu-west-1'], 'aws:PrincipalTag/team': ['y', 'x', 'x'] },
      },
      Resource: ['arn:a', 'arn:b'],
      Action: ['s3:PutObject'],
      Effect: 'Allow',
    };
    expect(statementContext(a)).toBe(statementContext(b));
    expect(statementContext({ ...b, Effect: 'Deny' })).not.toBe(statementContext(b));
    expect(statementContext({ ...b, Resource: 'arn:a' })).not.toBe(statementContext(b));
    expect(statementContext({ ...b, NotResource: 'arn:a' })).not.toBe(statementContext(b));
    expect(
      statementContext({ ...b, Condition: { StringLike: { 'aws:RequestedRegion': 'eu-west-1' } } }),
    ).not.toBe(statementContext(b));
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[1,{"c":2,"d":1}]}');
  });
});

describe('grantsByContext / sameGrants', () => {
  it('unions the actions named under each context, NotAction as a complement', () => {
    const grants = grantsByContext(
      [
        { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
        { Effect: 'Allow', Action: ['s3:ListBucket', 'foo:Bar'], Resource: '*' },
        { Effect: 'Allow', NotAction: ['iam:*', 'ec2:*', 's3:*'], Resource: 'arn:x' },
        { Effect: 'Allow', Action: [], Resource: 'arn:y' },
      ],
      fakeCatalog,
    );
    expect(grants.size).toBe(2);
    const star = grants.get(statementContext({ Effect: 'Allow', Resource: '*' }));
    expect([...(star?.actions ?? [])].sort()).toEqual([
      's3:getbuckettagging',
      's3:getobject',
      's3:getobjecttagging',
      's3:listbucket',
    ]);
    expect([...(star?.unknown ?? [])]).toEqual(['Action:foo:bar']);
    const x = grants.get(statementContext({ Effect: 'Allow', Resource: 'arn:x' }));
    expect([...(x?.actions ?? [])].sort()).toEqual([
      'sts:assumerole',
      'sts:getcalleridentity',
      'sts:tagsession',
    ]);
  });

  it('compares lists of statements by what each context names', () => {
    const split = [
      { Sid: 'One', Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
      { Sid: 'Two', Effect: 'Allow', Action: 's3:GetObjectTagging', Resource: '*' },
    ];
    const whole = [{ Effect: 'Allow', Action: 's3:GetObject*', Resource: '*' }];
    expect(sameGrants(split, whole, fakeCatalog)).toBe(true);
    expect(sameGrants(split, [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }], fakeCatalog)).toBe(
      false,
    );
    expect(
      sameGrants(split, [{ Effect: 'Allow', Action: 's3:GetObject*', Resource: 'arn:a' }], fakeCatalog),
    ).toBe(false);
    expect(grantDifference(whole, [], fakeCatalog)).toBe(
      statementContext({ Effect: 'Allow', Resource: '*' }),
    );
    // An unknown entry counts: dropping it is a difference.
    expect(
      sameGrants(
        [{ Effect: 'Allow', Action: ['s3:GetObject', 'x:Y'] }],
        [{ Effect: 'Allow', Action: 's3:GetObject' }],
        fakeCatalog,
      ),
    ).toBe(false);
    // A statement without a usable action element is compared as a whole.
    const odd = { Effect: 'Allow', Action: 's3:GetObject', NotAction: 'iam:*' };
    expect(sameGrants([odd], [], fakeCatalog)).toBe(false);
    expect(sameGrants([odd], [{ ...odd }], fakeCatalog)).toBe(true);
  });
});
