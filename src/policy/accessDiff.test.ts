import { describe, expect, it } from 'vitest';
import { accessDiff, accessOf, patternIncludes } from './accessDiff';
import type { AccessDiff, AccessEntry } from './accessDiff';
import type { JsonObject, JsonValue } from './model';
import { fakeCatalog } from './testing/fakeCatalog';

const doc = (...statements: JsonObject[]): JsonValue => ({ Version: '2012-10-17', Statement: statements });
const allow = (action: JsonValue, resource: JsonValue = '*', extra: JsonObject = {}): JsonObject => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});
const deny = (action: JsonValue, resource: JsonValue = '*', extra: JsonObject = {}): JsonObject => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource,
  ...extra,
});

const diff = (before: JsonValue, after: JsonValue): AccessDiff => accessDiff(before, after, fakeCatalog);
const actions = (entries: readonly AccessEntry[]) => [...new Set(entries.map((e) => e.action))];
const brief = (entries: readonly AccessEntry[]) => entries.map((e) => `${e.action} ${e.resource}`);

function expectNoChange(result: AccessDiff): void {
  expect({ added: result.added, uncertain: result.uncertain, removed: result.removed }).toEqual({
    added: [],
    uncertain: [],
    removed: [],
  });
  expect(result.newAccess).toBe(false);
  expect(result.summary.sentence).toBe('No change in access');
}

describe('accessDiff: actions', () => {
  it('names the one action a change adds, as the catalog spells it', () => {
    const result = diff(doc(allow('s3:GetObject')), doc(allow(['s3:getobject', 'S3:GETOBJECTTAGGING'])));
    expect(result.newAccess).toBe(true);
    expect(brief(result.added)).toEqual(['s3:GetObjectTagging *']);
    expect(result.added[0]).toMatchObject({
      service: 's3',
      accessLevel: 'Read',
      conditions: null,
      denies: [],
    });
    expect(result.removed).toEqual([]);
    expect(result.summary.sentence).toBe('Grants new access: 1 action');
    expect(result.summary.phrases).toEqual(['+1 Read action in Amazon S3']);
  });

  it('compares action names without case', () => {
    expectNoChange(diff(doc(allow('S3:getObject')), doc(allow('s3:GetObject'))));
    expectNoChange(
      diff(doc(allow('s3:Get*')), doc(allow(['s3:GETOBJECT', 's3:getobjecttagging', 's3:GetBucketTagging']))),
    );
  });

  it('tells "*" from specific actions: everything else is added', () => {
    const result = diff(doc(allow('s3:GetObject')), doc(allow('*')));
    expect(result.added).toHaveLength(fakeCatalog.allActions.length - 1);
    expect(result.summary.sentence).toBe(`Grants new access: ${fakeCatalog.allActions.length - 1} actions`);
    const back = diff(doc(allow('*')), doc(allow('s3:GetObject')));
    expect(back.newAccess).toBe(false);
    expect(back.removed).toHaveLength(fakeCatalog.allActions.length - 1);
    expect(back.summary.sentence).toBe(
      `No new access; removes or narrows access to ${fakeCatalog.allActions.length - 1} actions`,
    );
  });

  it('expands NotAction against the catalog', () => {
    const notAction = doc({ Effect: 'Allow', NotAction: ['iam:*', 'ec2:*', 'sts:*'], Resource: '*' });
    expectNoChange(diff(notAction, doc(allow('s3:*'))));
    const result = diff(notAction, doc({ Effect: 'Allow', NotAction: ['iam:*', 'ec2:*'], Resource: '*' }));
    expect(actions(result.added)).toEqual(['sts:AssumeRole', 'sts:GetCallerIdentity', 'sts:TagSession']);
  });

  it('compares actions the catalog does not know by name, literally', () => {
    const result = diff(
      doc(allow(['s3:GetObject', 'foo:Bar'])),
      doc(allow(['s3:GetObject', 'FOO:bar', 'foo:Baz'])),
    );
    expect(result.added).toMatchObject([{ action: 'foo:Baz', service: 'foo', resource: '*' }]);
    expect(result.added[0]?.accessLevel).toBeUndefined();
    expect(result.summary.phrases).toEqual(['+1 unknown action in foo']);
    // A known wildcard covers unknown names of its service; "*" covers all.
    expect(diff(doc(allow('s3:*')), doc(allow('s3:GetNewThing'))).newAccess).toBe(false);
    expect(diff(doc(allow('*')), doc(allow('s3:NotYetInCatalog'))).newAccess).toBe(false);
    expect(actions(diff(doc(allow('s3:*')), doc(allow('ec2:NotYetInCatalog'))).added)).toEqual([
      'ec2:NotYetInCatalog',
    ]);
    expect(diff(doc(allow('foo:*')), doc(allow('foo:Anything'))).newAccess).toBe(false);
    expect(diff(doc(allow('foo:Get*')), doc(allow('foo:*'))).uncertain).toMatchObject([
      { action: 'foo:*', reason: 'actions' },
    ]);
    // retired services keep their former name in the summary
    expect(diff(doc(), doc(allow('aws-portal:ViewBilling'))).summary.phrases).toEqual([
      '+1 unknown action in AWS Billing Console (legacy permissions)',
    ]);
  });
});

describe('accessDiff: resources', () => {
  it('contains resource patterns in one another with wildcards', () => {
    const wide = doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*'));
    const narrow = doc(allow('s3:GetObject', ['arn:aws:s3:::bucket/logs/*', 'arn:aws:s3:::bucket/a?c']));
    expectNoChange(diff(wide, doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*'))));
    const narrowing = diff(wide, narrow);
    expect(narrowing.newAccess).toBe(false);
    expect(brief(narrowing.removed)).toEqual(['s3:GetObject arn:aws:s3:::bucket/*']);
    const widening = diff(narrow, wide);
    expect(brief(widening.added)).toEqual(['s3:GetObject arn:aws:s3:::bucket/*']);
    expect(brief(widening.removed)).toEqual([]);
    // One entry per action and pattern.
    expect(brief(diff(doc(), narrow).added)).toEqual([
      's3:GetObject arn:aws:s3:::bucket/a?c',
      's3:GetObject arn:aws:s3:::bucket/logs/*',
    ]);
  });

  it('compares resources with case', () => {
    const result = diff(
      doc(allow('s3:GetObject', 'arn:aws:s3:::Bucket/*')),
      doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*')),
    );
    expect(brief(result.added)).toEqual(['s3:GetObject arn:aws:s3:::bucket/*']);
    expect(brief(result.removed)).toEqual(['s3:GetObject arn:aws:s3:::Bucket/*']);
  });

  it('finds new resources outside overlapping old patterns', () => {
    // bucket/* overlaps bucket/a* but also grants bucket/b: provably new
    const result = diff(
      doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/a*')),
      doc(allow('s3:GetObject', 'arn:aws:s3:::bucket/*')),
    );
    expect(result.added).toHaveLength(1);
    expect(result.uncertain).toEqual([]);
    // "bucket*" adds the bucket itself to "bucket/*"
    expect(
      diff(
        doc(allow('s3:ListBucket', 'arn:aws:s3:::bucket/*')),
        doc(allow('s3:ListBucket', 'arn:aws:s3:::bucket*')),
      ).added,
    ).toHaveLength(1);
  });

  it('handles NotResource: contained when provable, uncertain otherwise', () => {
    const notLogs = doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::logs/*' });
    // a resource outside the NotResource list is covered by it
    expectNoChange(diff(doc(allow('s3:GetObject', '*')), doc(allow('s3:GetObject', '*'))));
    expect(diff(notLogs, doc(allow('s3:GetObject', 'arn:aws:s3:::data/*'))).newAccess).toBe(false);
    expect(brief(diff(notLogs, doc(allow('s3:GetObject', 'arn:aws:s3:::logs/x'))).added)).toEqual([
      's3:GetObject arn:aws:s3:::logs/x',
    ]);
    // everything but more is inside everything but less
    const notMore = doc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      NotResource: ['arn:aws:s3:::logs/*', 'arn:aws:s3:::secret/*'],
    });
    expect(diff(notLogs, notMore).newAccess).toBe(false);
    const widened = diff(notMore, notLogs);
    expect(widened.newAccess).toBe(true);
    expect(widened.added.map((e) => e.resource)).toEqual(['NotResource ["arn:aws:s3:::logs/*"]']);
    // "*" covers NotResource; a NotResource against a pattern it may meet is uncertain
    expect(diff(doc(allow('s3:GetObject')), notLogs).newAccess).toBe(false);
    const unsure = diff(
      doc(allow('s3:GetObject', 'arn:aws:s3:::data/*')),
      doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: ['arn:aws:s3:::*'] }),
    );
    expect(unsure.added).toHaveLength(1); // "arn:aws:\0..." is outside both
    const overlapping = diff(
      doc(allow('s3:GetObject', ['*'], { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
      notLogs,
    );
    expect(overlapping.uncertain).toMatchObject([{ action: 's3:GetObject', reason: 'conditions' }]);
  });

  it('treats policy variables conservatively', () => {
    const own = 'arn:aws:s3:::home/${aws:username}/*';
    expectNoChange(diff(doc(allow('s3:GetObject', own)), doc(allow('s3:GetObject', own))));
    // a variable line-up: home/${u}/docs/* lies inside home/${u}/*
    expect(
      diff(
        doc(allow('s3:GetObject', own)),
        doc(allow('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/docs/*')),
      ).newAccess,
    ).toBe(false);
    // another user's home is not provably inside one's own
    const other = diff(
      doc(allow('s3:GetObject', own)),
      doc(allow('s3:GetObject', 'arn:aws:s3:::home/alice/*')),
    );
    expect(other.newAccess).toBe(true);
    expect(other.uncertain).toMatchObject([{ reason: 'variables' }]);
    // a variable inside a fixed wildcard is inside it
    expect(
      diff(doc(allow('s3:GetObject', 'arn:aws:s3:::home/*')), doc(allow('s3:GetObject', own))).newAccess,
    ).toBe(false);
    expect(patternIncludes('a/${aws:username}/*', 'a/${AWS:UserName}/b')).toBe(true);
    expect(patternIncludes('a/${aws:username}/*', 'a/${aws:userid}/b')).toBe(false);
    expect(patternIncludes('a/?', 'a/${aws:username}')).toBe(false);
    expect(patternIncludes('a/*', 'a/${aws:username}')).toBe(true);
  });
});

describe('accessDiff: conditions', () => {
  const secure = (value: JsonValue) => ({ Condition: { Bool: { 'aws:SecureTransport': value } } });

  it('normalises key order, key case, value order, single values and booleans', () => {
    const a = doc(
      allow('s3:GetObject', '*', {
        Condition: {
          StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'], 's3:prefix': 'home/' },
          Bool: { 'aws:SecureTransport': true },
        },
      }),
    );
    const b = doc(
      allow('s3:GetObject', '*', {
        Condition: {
          Bool: { 'AWS:securetransport': ['true'] },
          StringEquals: {
            'S3:Prefix': ['home/', 'home/'],
            'aws:requestedregion': ['us-east-1', 'eu-west-1'],
          },
        },
      }),
    );
    expectNoChange(diff(a, b));
    const entry = accessOf(a, fakeCatalog)[0];
    expect(entry?.conditions).toEqual({
      Bool: { 'aws:SecureTransport': ['true'] },
      StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'], 's3:prefix': ['home/'] },
    });
    expect(Object.keys(entry?.conditions ?? {})).toEqual(['Bool', 'StringEquals']);
    expectNoChange(diff(doc(allow('s3:GetObject', '*', { Condition: {} })), doc(allow('s3:GetObject'))));
  });

  it('compares operator names with case (another case is another operator)', () => {
    const result = diff(
      doc(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:username': 'bob' } } })),
      doc(allow('s3:GetObject', '*', { Condition: { stringequals: { 'aws:username': 'bob' } } })),
    );
    expect(result.uncertain).toMatchObject([{ action: 's3:GetObject', reason: 'conditions' }]);
  });

  it('knows that dropping a condition adds access and adding one narrows it', () => {
    const conditional = doc(allow('s3:GetObject', '*', secure('true')));
    const plain = doc(allow('s3:GetObject'));
    expect(diff(plain, conditional).newAccess).toBe(false);
    expect(diff(plain, conditional).removed).toHaveLength(1);
    const dropped = diff(conditional, plain);
    expect(dropped.uncertain).toMatchObject([
      { action: 's3:GetObject', conditions: null, reason: 'conditions' },
    ]);
    expect(dropped.summary.sentence).toBe('May grant new access: 1 action changed, cannot prove narrower');
    // more tests (AND) narrow; a different value is uncertain
    const twoTests = doc(
      allow('s3:GetObject', '*', {
        Condition: {
          Bool: { 'aws:SecureTransport': 'true' },
          StringEquals: { 'aws:RequestedRegion': 'eu-west-1' },
        },
      }),
    );
    expect(diff(conditional, twoTests).newAccess).toBe(false);
    expect(diff(twoTests, conditional).newAccess).toBe(true);
    expect(diff(conditional, doc(allow('s3:GetObject', '*', secure('false')))).uncertain).toHaveLength(1);
  });

  it('treats fewer values of a "one of these" operator as narrower, not of a negated one', () => {
    const regions = (operator: string, values: string[]) =>
      doc(allow('ec2:RunInstances', '*', { Condition: { [operator]: { 'aws:RequestedRegion': values } } }));
    expect(diff(regions('StringEquals', ['a', 'b']), regions('StringEquals', ['a'])).newAccess).toBe(false);
    expect(diff(regions('StringEquals', ['a']), regions('StringEquals', ['a', 'b'])).newAccess).toBe(true);
    expect(
      diff(regions('ForAnyValue:StringLike', ['a*', 'b*']), regions('ForAnyValue:StringLike', ['a*']))
        .newAccess,
    ).toBe(false);
    expect(diff(regions('StringNotEquals', ['a', 'b']), regions('StringNotEquals', ['a'])).newAccess).toBe(
      true,
    );
  });
});

describe('accessDiff: Deny', () => {
  it('removes what an unconditional Deny covers', () => {
    const result = diff(doc(allow('s3:*')), doc(allow('s3:*'), deny('s3:Delete*')));
    expect(result.newAccess).toBe(false);
    expect(actions(result.removed)).toEqual([
      's3:DeleteBucketPolicy',
      's3:DeleteObject',
      's3:DeleteObjectTagging',
    ]);
    // taking the Deny away gives the access back
    expect(actions(diff(doc(allow('s3:*'), deny('s3:Delete*')), doc(allow('s3:*'))).added)).toEqual([
      's3:DeleteBucketPolicy',
      's3:DeleteObject',
      's3:DeleteObjectTagging',
    ]);
    // a Deny on a wider resource covers a narrower Allow
    expectNoChange(
      diff(doc(), doc(allow('s3:GetObject', 'arn:aws:s3:::b/x'), deny('s3:GetObject', 'arn:aws:s3:::b/*'))),
    );
    // a Deny with NotAction covers what it does not exclude
    expectNoChange(
      diff(
        doc(allow('s3:GetObject')),
        doc(allow(['s3:GetObject', 'iam:*']), { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }),
      ),
    );
  });

  it('keeps a conditional or partial Deny as an exception and cannot prove narrower when it goes', () => {
    const guarded = doc(
      allow('s3:*'),
      deny('s3:DeleteObject', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    );
    const entry = accessOf(guarded, fakeCatalog).find((e) => e.action === 's3:DeleteObject');
    expect(entry?.denies).toEqual([
      {
        resources: ['*'],
        conditions: { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } },
        partialAction: false,
      },
    ]);
    expectNoChange(diff(guarded, guarded));
    // adding the Deny narrows; removing it cannot be proved narrower
    expect(diff(doc(allow('s3:*')), guarded).newAccess).toBe(false);
    const unguarded = diff(guarded, doc(allow('s3:*')));
    expect(unguarded.uncertain).toMatchObject([{ action: 's3:DeleteObject', reason: 'deny' }]);
    expect(unguarded.added).toEqual([]);
    // a Deny on part of the resource
    const partial = doc(
      allow('s3:GetObject', 'arn:aws:s3:::b/*'),
      deny('s3:GetObject', 'arn:aws:s3:::b/secret/*'),
    );
    expect(diff(partial, doc(allow('s3:GetObject', 'arn:aws:s3:::b/*'))).uncertain).toMatchObject([
      { reason: 'deny' },
    ]);
    // new access partly denied is still new
    expect(brief(diff(doc(), partial).added)).toEqual(['s3:GetObject arn:aws:s3:::b/*']);
  });

  it('proves new access where an unconditional Deny with NotResource used to block it', () => {
    const fenced = doc(allow('iam:GetRole'), {
      Effect: 'Deny',
      Action: 'iam:*',
      NotResource: 'arn:aws:iam::*:role/app-*',
    });
    // what is left: GetRole on the app roles only, new against nothing
    expect(brief(diff(doc(), fenced).added)).toEqual(['iam:GetRole *']);
    expect(diff(doc(), fenced).uncertain).toEqual([]);
    // the fence goes: every other role is new
    const opened = diff(fenced, doc(allow('iam:GetRole')));
    expect(brief(opened.added)).toEqual(['iam:GetRole *']);
    expect(opened.uncertain).toEqual([]);
    // a conditional fence going cannot be proved
    expect(
      diff(
        doc(
          allow('iam:GetRole'),
          deny('iam:*', '*', { Condition: { Bool: { 'aws:ViaAWSService': 'false' } } }),
        ),
        doc(allow('iam:GetRole')),
      ).uncertain,
    ).toMatchObject([{ action: 'iam:GetRole', reason: 'deny' }]);
  });

  it('ignores Denies that meet other resources, and statements of another Effect', () => {
    expectNoChange(
      diff(
        doc(allow('s3:GetObject', 'arn:aws:s3:::a/*')),
        doc(allow('s3:GetObject', 'arn:aws:s3:::a/*'), deny('s3:GetObject', 'arn:aws:s3:::b/*')),
      ),
    );
    expectNoChange(diff(doc(), doc({ Effect: 'allow', Action: '*', Resource: '*' })));
    expectNoChange(diff(doc(), doc({ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' })));
  });
});

describe('accessDiff: odd input', () => {
  it('takes keys such as "__proto__" and "constructor" as plain names', () => {
    const odd = doc(
      allow(['constructor:Foo', '__proto__:Bar'], '*', {
        Condition: JSON.parse(
          '{"__proto__": {"__proto__": "x"}, "StringEquals": {"constructor": ["y"]}}',
        ) as JsonObject,
      }),
    );
    const result = diff(doc(), odd);
    expect(result.added.map((e) => e.action)).toEqual(['__proto__:Bar', 'constructor:Foo']);
    expect(result.summary.phrases).toEqual([
      '+1 unknown action in __proto__',
      '+1 unknown action in constructor',
    ]);
    const conditions = result.added[0]?.conditions ?? {};
    expect(Object.keys(conditions)).toEqual(['StringEquals', '__proto__']);
    expect(Object.getPrototypeOf(conditions)).toBe(Object.prototype);
    expectNoChange(diff(odd, odd));
  });

  it('grants nothing for statements IAM would refuse, and keeps unusable resources apart', () => {
    expectNoChange(diff(doc(), { Statement: 'nope' }));
    expectNoChange(diff(doc(), 'not a policy'));
    const weird = doc(allow('s3:GetObject', { arn: 'x' } as unknown as JsonValue));
    expect(brief(diff(doc(), weird).added)).toEqual(['s3:GetObject invalid {"Resource":{"arn":"x"}}']);
    expectNoChange(diff(weird, weird));
    expect(diff(doc(allow('s3:GetObject')), weird).newAccess).toBe(true);
  });
});

describe('accessDiff: summary', () => {
  it('groups by service and access level', () => {
    const result = diff(
      doc(allow(['ec2:DescribeImages', 'ec2:DescribeInstances', 's3:GetObject'])),
      doc(
        allow(
          [
            'ec2:DescribeImages',
            's3:GetObject',
            's3:PutObject',
            's3:DeleteObject',
            's3:CreateBucket',
            'iam:PassRole',
          ],
          '*',
          {},
        ),
      ),
    );
    expect(result.summary.sentence).toBe('Grants new access: 4 actions');
    expect(result.summary.services.map((s) => [s.name, s.levels])).toEqual([
      ['Amazon EC2', [{ level: 'List', added: 0, uncertain: 0, removed: 1 }]],
      ['Amazon S3', [{ level: 'Write', added: 3, uncertain: 0, removed: 0 }]],
      ['AWS Identity and Access Management (IAM)', [{ level: 'Write', added: 1, uncertain: 0, removed: 0 }]],
    ]);
    expect(result.summary.phrases).toEqual([
      '\u22121 List action in Amazon EC2',
      '+3 Write actions in Amazon S3',
      '+1 Write action in AWS Identity and Access Management (IAM)',
    ]);
    expect(result.summary).toMatchObject({ addedActions: 4, uncertainActions: 0, removedActions: 1 });
  });

  it('says both when some actions are added and others uncertain', () => {
    const result = diff(
      doc(allow('s3:GetObject', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
      doc(allow(['s3:GetObject', 's3:PutObject'])),
    );
    expect(result.summary.sentence).toBe(
      'Grants new access: 1 action; 1 more changed, cannot prove narrower',
    );
  });

  it('keeps Principal apart (resource and trust policies)', () => {
    const trust = (principal: JsonValue) =>
      doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });
    expectNoChange(diff(trust({ Service: 'ec2.amazonaws.com' }), trust({ Service: 'ec2.amazonaws.com' })));
    const result = diff(
      trust({ Service: 'ec2.amazonaws.com' }),
      trust({ AWS: 'arn:aws:iam::111122223333:root' }),
    );
    expect(result.newAccess).toBe(true);
    expect(result.uncertain).toMatchObject([
      {
        action: 'sts:AssumeRole',
        resource: '*',
        principal: { Principal: { AWS: 'arn:aws:iam::111122223333:root' } },
        reason: 'principal',
      },
    ]);
  });
});
