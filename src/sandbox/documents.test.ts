/**
 * The sandbox's own policy rules (grammar.ts, documents.ts), rule by rule, with IAM's messages.
 * conformance.test.ts compares them with the validator over a large corpus.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_LENGTH, checkDocument } from './documents';
import { checkPolicyGrammar, iamPolicySize, isConditionOperator } from './grammar';
import type { GrammarKind, GrammarRule } from './grammar';

const V = '2012-10-17';
const doc = (...statements: unknown[]): string => JSON.stringify({ Version: V, Statement: statements });
const allow = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::bucket/*',
  ...extra,
});
const trust = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  Effect: 'Allow',
  Principal: { Service: 'ec2.amazonaws.com' },
  Action: 'sts:AssumeRole',
  ...extra,
});
const without = (statement: Record<string, unknown>, ...names: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(statement).filter(([key]) => !names.includes(key)));
const STS = { stsActions: ['AssumeRole', 'AssumeRoleWithSAML', 'GetCallerIdentity', 'TagSession'] };

type Case = readonly [name: string, kind: GrammarKind, text: string, rule: GrammarRule, message: string];

const REJECTED: readonly Case[] = [
  ['not JSON', 'identity', '{"Version": "2012-10-17",', 'json-syntax', 'Syntax errors in policy.'],
  [
    'trailing comma',
    'identity',
    `{"Version": "${V}", "Statement": [],}`,
    'json-syntax',
    'Syntax errors in policy.',
  ],
  ['comment', 'identity', `// x\n${doc(allow())}`, 'json-syntax', 'Syntax errors in policy.'],
  ['too deep', 'identity', `${'['.repeat(100)}${']'.repeat(100)}`, 'json-syntax', 'Syntax errors in policy.'],
  [
    'duplicate key',
    'identity',
    `{"Version": "${V}", "Statement": {"Effect": "Allow", "effect": "Deny", "Action": "*", "Resource": "*"}}`,
    'duplicate-key',
    'Syntax errors in policy.',
  ],
  ['array document', 'identity', JSON.stringify([allow()]), 'document-type', 'Syntax errors in policy.'],
  [
    'unknown top-level element',
    'identity',
    JSON.stringify({ Version: V, Statment: [], Statement: [allow()] }),
    'unknown-element',
    'Syntax errors in policy.',
  ],
  [
    'unknown statement element',
    'identity',
    doc(allow({ Actions: 's3:*' })),
    'unknown-element',
    'Syntax errors in policy.',
  ],
  [
    'element in the wrong case',
    'identity',
    doc({ ...without(allow(), 'Effect'), effect: 'Allow' }),
    'unknown-element',
    'Syntax errors in policy.',
  ],
  [
    'bad version',
    'identity',
    JSON.stringify({ Version: '2012-10-18', Statement: [allow()] }),
    'version',
    'The policy failed legacy parsing',
  ],
  [
    'numeric version',
    'identity',
    JSON.stringify({ Version: 2012, Statement: [allow()] }),
    'version',
    'The policy failed legacy parsing',
  ],
  [
    'no Statement',
    'identity',
    JSON.stringify({ Version: V }),
    'missing-statement',
    'Syntax errors in policy.',
  ],
  [
    'empty Statement',
    'identity',
    JSON.stringify({ Version: V, Statement: [] }),
    'missing-statement',
    'Syntax errors in policy.',
  ],
  [
    'Statement string',
    'identity',
    JSON.stringify({ Version: V, Statement: 'x' }),
    'element-type',
    'Syntax errors in policy.',
  ],
  [
    'no Effect',
    'identity',
    doc(without(allow(), 'Effect')),
    'missing-effect',
    'Missing required field Effect',
  ],
  [
    'lower-case Effect',
    'identity',
    doc(allow({ Effect: 'allow' })),
    'invalid-effect',
    'Invalid effect: allow',
  ],
  [
    'no Action',
    'identity',
    doc(without(allow(), 'Action')),
    'missing-actions',
    'Policy statement must contain actions.',
  ],
  [
    'empty Action',
    'identity',
    doc(allow({ Action: [] })),
    'missing-actions',
    'Policy statement must contain actions.',
  ],
  [
    'empty NotAction',
    'identity',
    doc({ ...without(allow(), 'Action'), NotAction: [] }),
    'missing-actions',
    'Policy statement must contain actions.',
  ],
  [
    'Action and NotAction',
    'identity',
    doc(allow({ NotAction: 'iam:*' })),
    'action-and-notaction',
    'Syntax errors in policy.',
  ],
  [
    'numeric action',
    'identity',
    doc(allow({ Action: ['s3:GetObject', 42] })),
    'element-type',
    'Syntax errors in policy.',
  ],
  [
    'no Resource',
    'identity',
    doc(without(allow(), 'Resource')),
    'missing-resources',
    'Policy statement must contain resources.',
  ],
  [
    'empty Resource',
    'identity',
    doc(allow({ Resource: [] })),
    'missing-resources',
    'Policy statement must contain resources.',
  ],
  [
    'Resource and NotResource',
    'identity',
    doc(allow({ NotResource: '*' })),
    'resource-and-notresource',
    'Syntax errors in policy.',
  ],
  [
    'Principal in identity policy',
    'identity',
    doc(allow({ Principal: { AWS: '123456789012' } })),
    'principal-in-identity-policy',
    'Policy document should not specify a principal.',
  ],
  [
    'NotPrincipal in identity policy',
    'identity',
    doc(allow({ NotPrincipal: '*' })),
    'principal-in-identity-policy',
    'Policy document should not specify a principal.',
  ],
  [
    'Sid with a dash',
    'identity',
    doc(allow({ Sid: 'read-objects' })),
    'sid-characters',
    'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  ],
  [
    'duplicate Sids',
    'identity',
    doc(allow({ Sid: 'A' }), allow({ Sid: 'A', Effect: 'Deny' })),
    'duplicate-sid',
    'Statement IDs (SID) in a single policy must be unique.',
  ],
  [
    'action without vendor',
    'identity',
    doc(allow({ Action: 's3GetObject' })),
    'action-vendor',
    'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  ],
  [
    'action with two colons',
    'identity',
    doc(allow({ Action: 's3:Get:Object' })),
    'action-colons',
    'Actions/Condition can contain only one colon.',
  ],
  [
    'vendor with an underscore',
    'identity',
    doc(allow({ Action: 's_3:GetObject' })),
    'vendor-characters',
    'Vendor s_3 is not valid',
  ],
  ['empty action name', 'identity', doc(allow({ Action: 's3:' })), 'action-name', 'Invalid Action: s3:'],
  [
    'action name with a space',
    'identity',
    doc(allow({ Action: 's3:Get Object' })),
    'action-name',
    'Invalid Action: s3:Get Object',
  ],
  [
    'resource not an ARN',
    'identity',
    doc(allow({ Resource: 'my-bucket' })),
    'resource-format',
    'Resource my-bucket must be in ARN format or "*".',
  ],
  [
    'ARN with five fields',
    'identity',
    doc(allow({ Resource: 'arn:aws:s3:bucket:x' })),
    'resource-format',
    'Resource arn:aws:s3:bucket:x must be in ARN format or "*".',
  ],
  [
    'unknown partition',
    'identity',
    doc(allow({ Resource: 'arn:aws-moon:s3:::b' })),
    'partition',
    'Partition "aws-moon" is not valid for resource "arn:aws-moon:s3:::b".',
  ],
  [
    'unknown operator',
    'identity',
    doc(allow({ Condition: { StringEqualz: { 'aws:username': 'a' } } })),
    'condition-operator',
    'Invalid Condition type : StringEqualz',
  ],
  [
    'NullIfExists',
    'identity',
    doc(allow({ Condition: { NullIfExists: { 'aws:username': 'true' } } })),
    'condition-operator',
    'Invalid Condition type : NullIfExists',
  ],
  [
    'condition key without vendor',
    'identity',
    doc(allow({ Condition: { StringEquals: { username: 'a' } } })),
    'condition-key',
    'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  ],
  [
    'object condition value',
    'identity',
    doc(allow({ Condition: { StringEquals: { 'aws:username': { a: 1 } } } })),
    'element-type',
    'Syntax errors in policy.',
  ],
  [
    'null condition value',
    'identity',
    doc(allow({ Condition: { StringEquals: { 'aws:username': null } } })),
    'element-type',
    'Syntax errors in policy.',
  ],
  [
    'operator block not an object',
    'identity',
    doc(allow({ Condition: { StringEquals: 'a' } })),
    'element-type',
    'Syntax errors in policy.',
  ],
  [
    'trust without Principal',
    'trust',
    doc(without(trust(), 'Principal')),
    'trust-missing-principal',
    'Missing required field Principal',
  ],
  [
    'trust with Resource',
    'trust',
    doc(trust({ Resource: '*' })),
    'trust-prohibited-field',
    'Has prohibited field Resource',
  ],
  [
    'trust with NotPrincipal',
    'trust',
    doc({ ...without(trust(), 'Principal'), NotPrincipal: { AWS: '123456789012' } }),
    'trust-prohibited-field',
    'Has prohibited field NotPrincipal',
  ],
  [
    'trust with s3 action',
    'trust',
    doc(trust({ Action: ['sts:AssumeRole', 's3:GetObject'] })),
    'trust-action',
    'AssumeRole policy may only specify STS AssumeRole actions.',
  ],
  [
    'trust with sts:*',
    'trust',
    doc(trust({ Action: 'sts:*' })),
    'trust-action',
    'AssumeRole policy may only specify STS AssumeRole actions.',
  ],
  [
    'trust with a group principal',
    'trust',
    doc(trust({ Principal: { AWS: 'arn:aws:iam::123456789012:group/admins' } })),
    'principal-format',
    'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:group/admins"',
  ],
  [
    'trust with a wildcard ARN',
    'trust',
    doc(trust({ Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } })),
    'principal-format',
    'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/*"',
  ],
  [
    'trust with a bad service',
    'trust',
    doc(trust({ Principal: { Service: 'Lambda' } })),
    'principal-format',
    'Invalid principal in policy: "SERVICE":"Lambda"',
  ],
  [
    'trust with an unknown key',
    'trust',
    doc(trust({ Principal: { Aws: '123456789012' } })),
    'principal-format',
    'Invalid principal in policy: "AWS":"123456789012"',
  ],
  [
    'trust with a string principal',
    'trust',
    doc(trust({ Principal: 'arn:aws:iam::123456789012:root' })),
    'principal-format',
    'Invalid principal in policy: "arn:aws:iam::123456789012:root"',
  ],
];

const ACCEPTED: readonly (readonly [name: string, kind: GrammarKind, text: string])[] = [
  ['a plain policy', 'identity', doc(allow())],
  ['no Version', 'identity', JSON.stringify({ Statement: [allow()] })],
  [
    '2008 version and Id',
    'identity',
    JSON.stringify({ Version: '2008-10-17', Id: 'x-y', Statement: allow() }),
  ],
  [
    'unknown service and action (IAM stores typos)',
    'identity',
    doc(allow({ Action: ['s2:ListMyBuckets', 's3:GetObjekt'] })),
  ],
  ['wildcards in the vendor and action', 'identity', doc(allow({ Action: ['s?:Get*', '*'] }))],
  [
    'NotAction and NotResource',
    'identity',
    doc({ Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:iam::*:role/x'] }),
  ],
  ['empty Sid and equal empty Sids', 'identity', doc(allow({ Sid: '' }), allow({ Sid: '' }))],
  [
    'ARN with an empty resource and a wildcard partition',
    'identity',
    doc(allow({ Resource: ['arn:aws:organizations::*:', 'arn:*:s3:::b'] })),
  ],
  ['partition variable', 'identity', doc(allow({ Resource: 'arn:${aws:partition}:s3:::b' }))],
  [
    'conditions of every shape',
    'identity',
    doc(
      allow({
        Condition: {
          'ForAllValues:StringLike': { 'aws:TagKeys': ['a*', 'b'] },
          NumericLessThanIfExists: { 's3:max-keys': 10 },
          Bool: { 'aws:SecureTransport': true },
          'ForAnyValue:Null': { 'aws:TagKeys': 'false' },
          StringEquals: {
            'aws:ResourceTag/aws:cloudformation:stack-name': ['x', 1, false],
            'aws:username': [],
          },
          DateGreaterThan: {},
        },
      }),
    ),
  ],
  ['empty Condition', 'identity', doc(allow({ Condition: {} }))],
  ['duplicate Sids in a trust policy', 'trust', doc(trust({ Sid: 'A' }), trust({ Sid: 'A' }))],
  ['Sid with a dash in a trust policy', 'trust', doc(trust({ Sid: 'x-y' }))],
  [
    'every principal kind',
    'trust',
    doc(
      trust({
        Principal: {
          AWS: ['*', '123456789012', 'arn:aws:iam::123456789012:role/path/x', 'AROAEXAMPLEROLEID1234'],
          Service: ['ec2.amazonaws.com'],
          Federated: 'arn:aws:iam::123456789012:saml-provider/Idp',
          CanonicalUser: 'a'.repeat(64),
        },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:AssumeRoleWith*', 'STS:SETSOURCEIDENTITY'],
      }),
    ),
  ],
  [
    'Principal "*" and a web identity',
    'trust',
    doc(
      trust({ Principal: '*' }),
      trust({ Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }),
    ),
  ],
  [
    'empty principal list and object',
    'trust',
    doc(trust({ Principal: { AWS: [] } }), trust({ Principal: {} })),
  ],
  [
    'NotAction in a trust policy',
    'trust',
    doc({ ...without(trust(), 'Action'), Effect: 'Deny', NotAction: 's3:*' }),
  ],
  [
    'escapes in strings',
    'identity',
    '{"Statement":{"Effect":"Allow","Action":"s3:Get\\u004fbject","Resource":"arn:aws:s3:::a\\/b\\"c"}}',
  ],
];

describe('sandbox policy grammar', () => {
  it.each(REJECTED)('rejects: %s', (_name, kind, text, rule, message) => {
    const rejection = checkPolicyGrammar(text, kind, STS);
    expect(rejection).toMatchObject({ rule, message });
  });

  it.each(ACCEPTED)('accepts: %s', (_name, kind, text) => {
    expect(checkPolicyGrammar(text, kind, STS)).toBeNull();
  });

  it('gives the pointer of the offending value', () => {
    expect(checkPolicyGrammar(doc(allow(), allow({ Resource: ['*', 'nope'] })), 'identity')?.pointer).toBe(
      '/Statement/1/Resource/1',
    );
    expect(
      checkPolicyGrammar(doc(allow({ Condition: { 'Foo/Bar': { 'a:b': 'c' } } })), 'identity')?.pointer,
    ).toBe('/Statement/0/Condition/Foo~1Bar');
  });

  it('knows the condition operators with their qualifiers and IfExists', () => {
    expect(isConditionOperator('ForAllValues:StringEqualsIgnoreCaseIfExists')).toBe(true);
    expect(isConditionOperator('ArnLikeIfExists')).toBe(true);
    expect(isConditionOperator('stringequals')).toBe(false);
    expect(isConditionOperator('ForAllValues:ForAnyValue:StringEquals')).toBe(false);
    expect(isConditionOperator('NullIfExists')).toBe(false);
  });
});

describe('sandbox document checks', () => {
  it('counts the size without whitespace outside strings', () => {
    expect(iamPolicySize('{ "a" : "b c" }\n')).toBe(11);
    expect(iamPolicySize('"a\\" b"')).toBe(7);
  });

  it('answers ValidationError, LimitExceeded and MalformedPolicyDocument in that order', () => {
    expect(checkDocument(undefined, 'managed')?.error.code).toBe('ValidationError');
    expect(checkDocument('', 'managed')?.error.code).toBe('ValidationError');
    expect(checkDocument('x'.repeat(DOCUMENT_MAX_LENGTH + 1), 'managed')?.error.code).toBe('ValidationError');
    const greek = checkDocument(doc(allow({ Sid: 'Αλφα' })), 'managed');
    expect(greek?.error.code).toBe('ValidationError');
    expect(greek?.error.message).toContain("at 'policyDocument' failed to satisfy constraint");
    const big = doc(allow({ Resource: `arn:aws:s3:::${'x'.repeat(7000)}` }), { Effect: 'Allow' });
    expect(checkDocument(big, 'managed')?.error.message).toBe('Cannot exceed quota for PolicySize: 6144');
    // inline policies have a per-principal quota, checked by the state
    expect(checkDocument(big, 'inline')?.error.code).toBe('MalformedPolicyDocument');
    const trustDoc = doc(trust({ Principal: { AWS: Array.from({ length: 150 }, () => '123456789012') } }));
    expect(checkDocument(trustDoc, 'trust')?.error.message).toBe(
      'Cannot exceed quota for ACLSizePerRole: 2048',
    );
    expect(checkDocument(doc(allow()), 'trust')?.error.code).toBe('MalformedPolicyDocument');
    expect(checkDocument(doc(allow()), 'managed')).toBeNull();
  });
});
