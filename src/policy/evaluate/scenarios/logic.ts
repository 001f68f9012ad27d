/**
 * Evaluation logic scenarios: deny precedence, permissions boundaries, session policies, SCP
 * levels, resource-based policies within one account and across accounts, Principal/NotPrincipal.
 */
import type { JsonObject, JsonValue } from '../../model';
import type { Decision, EvaluationRequest, PolicySet } from '../types';
import {
  ACCOUNT,
  BUCKET,
  doc,
  DOCS,
  named,
  OBJECT,
  OTHER_ACCOUNT,
  OTHER_USER,
  request,
  ROLE,
  SESSION,
  USER,
} from './helpers';
import type { DocPage, Scenario } from './helpers';

const allow = (fields: JsonObject = {}): JsonObject => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: '*',
  ...fields,
});
const deny = (fields: JsonObject = {}): JsonObject => ({
  Effect: 'Deny',
  Action: 's3:GetObject',
  Resource: '*',
  ...fields,
});
const allowOther = (): JsonObject => ({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' });
/** a resource-based statement for the bucket */
const grant = (principal: JsonValue, fields: JsonObject = {}): JsonObject => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 's3:GetObject',
  Resource: `${BUCKET}/*`,
  ...fields,
});
const refuse = (fields: JsonObject): JsonObject => ({
  Effect: 'Deny',
  Action: 's3:GetObject',
  Resource: `${BUCKET}/*`,
  ...fields,
});

const ID = (...statements: JsonObject[]) => [named('identity.json', doc(...statements))];
const BOUNDARY = (...statements: JsonObject[]) => named('boundary.json', doc(...statements));
const SESSION_POLICY = (...statements: JsonObject[]) => named('session.json', doc(...statements));
const RESOURCE = (...statements: JsonObject[]) => named('resource.json', doc(...statements));
const SCP = (name: string, ...statements: JsonObject[]) => named(name, doc(...statements));
const FULL = (name: string) => SCP(name, { Effect: 'Allow', Action: '*', Resource: '*' });

const asUser = request('s3:GetObject', OBJECT);
const asSession = request('s3:GetObject', OBJECT, undefined, SESSION);
const asRole = request('s3:GetObject', OBJECT, undefined, ROLE);
/** S3 ARNs have no account: the resource's account comes from aws:ResourceAccount */
const crossAccount = (principal: string = OTHER_USER): EvaluationRequest => ({
  ...request('s3:GetObject', OBJECT, { 'aws:ResourceAccount': ACCOUNT }, principal),
});

type Row = readonly [string, DocPage, string, PolicySet, EvaluationRequest, Decision, (readonly string[])?];

const E = DOCS.evaluation;
const S = DOCS.singleAccount;
const X = DOCS.crossAccount;
const B = DOCS.boundaries;
const SP = DOCS.session;
const O = DOCS.scp;
const P = DOCS.principal;
const NP = DOCS.notPrincipal;

const ROWS: readonly Row[] = [
  // Deny precedence and the default
  ['default-deny', E, 'By default every request is implicitly denied.', {}, asUser, 'implicit-deny'],
  [
    'no-matching-allow',
    E,
    'Without an Allow for the request, it is implicitly denied.',
    { identityPolicies: ID(allowOther()) },
    asUser,
    'implicit-deny',
  ],
  [
    'allow',
    E,
    'An Allow in an identity-based policy allows (same account, nothing else applies).',
    { identityPolicies: ID(allow()) },
    asUser,
    'allowed',
    ['identity.json#0'],
  ],
  [
    'deny-same-policy',
    E,
    'An explicit Deny overrides an Allow in the same policy.',
    { identityPolicies: ID(allow(), deny()) },
    asUser,
    'explicit-deny',
    ['identity.json#1'],
  ],
  [
    'deny-other-policy',
    E,
    'An explicit Deny in any policy overrides an Allow in another.',
    { identityPolicies: [named('a.json', doc(allow())), named('b.json', doc(deny()))] },
    asUser,
    'explicit-deny',
    ['b.json#0'],
  ],
  [
    'deny-alone',
    E,
    'A Deny alone: explicit deny.',
    { identityPolicies: ID(deny()) },
    asUser,
    'explicit-deny',
  ],
  [
    'deny-order',
    E,
    'Statement order does not matter: a Deny before the Allow still wins.',
    { identityPolicies: ID(deny(), allow()) },
    asUser,
    'explicit-deny',
    ['identity.json#0'],
  ],
  [
    'deny-all-reported',
    E,
    'Every applying Deny is reported.',
    { identityPolicies: ID(deny({ Sid: 'One' }), deny({ Sid: 'Two', Action: 's3:*' })) },
    asUser,
    'explicit-deny',
    ['identity.json#0', 'identity.json#1'],
  ],
  [
    'deny-condition-false',
    E,
    'A Deny whose condition is false does not apply; the Allow stands.',
    { identityPolicies: ID(allow(), deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })) },
    request('s3:GetObject', OBJECT, { 'aws:SecureTransport': 'true' }),
    'allowed',
  ],
  [
    'deny-condition-true',
    E,
    'A Deny whose condition is true applies.',
    { identityPolicies: ID(allow(), deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })) },
    request('s3:GetObject', OBJECT, { 'aws:SecureTransport': 'false' }),
    'explicit-deny',
  ],
  [
    'deny-mfa-ifexists',
    DOCS.operators,
    'Deny with BoolIfExists aws:MultiFactorAuthPresent false: also denies when the key is absent (long-term keys).',
    {
      identityPolicies: ID(
        allow(),
        deny({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
      ),
    },
    asUser,
    'explicit-deny',
  ],
  [
    'deny-mfa-present',
    DOCS.operators,
    'Deny with BoolIfExists aws:MultiFactorAuthPresent false: a session with MFA is not denied.',
    {
      identityPolicies: ID(
        allow(),
        deny({ Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:MultiFactorAuthPresent': 'true' }),
    'allowed',
  ],
  [
    'deny-ip',
    DOCS.operators,
    'Deny with NotIpAddress: requests from outside the range are denied.',
    {
      identityPolicies: ID(
        allow(),
        deny({ Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:SourceIp': '198.51.100.1' }),
    'explicit-deny',
  ],
  [
    'deny-ip-inside',
    DOCS.operators,
    'Deny with NotIpAddress: requests from inside the range are not denied.',
    {
      identityPolicies: ID(
        allow(),
        deny({ Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:SourceIp': '203.0.113.5' }),
    'allowed',
  ],
  [
    'deny-region',
    DOCS.operators,
    'Deny outside approved Regions with StringNotEquals aws:RequestedRegion.',
    {
      identityPolicies: ID(
        allow({ Action: '*' }),
        deny({
          Action: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
        }),
      ),
    },
    request('ec2:RunInstances', '*', { 'aws:RequestedRegion': 'us-east-1' }),
    'explicit-deny',
  ],
  [
    'deny-region-approved',
    DOCS.operators,
    'Deny outside approved Regions: an approved Region is not denied.',
    {
      identityPolicies: ID(
        allow({ Action: '*' }),
        deny({
          Action: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
        }),
      ),
    },
    request('ec2:RunInstances', '*', { 'aws:RequestedRegion': 'eu-central-1' }),
    'allowed',
  ],
  [
    'deny-tags-forall',
    DOCS.multivalued,
    'Deny unless every tag key is approved: ForAllValues:StringNotEquals would be wrong; ForAnyValue:StringNotEquals denies an unapproved key.',
    {
      identityPolicies: ID(
        allow({ Action: '*' }),
        deny({
          Action: '*',
          Condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env', 'team'] } },
        }),
      ),
    },
    request('ec2:CreateTags', '*', { 'aws:TagKeys': ['env', 'secret'] }),
    'explicit-deny',
  ],
  [
    'deny-tags-approved',
    DOCS.multivalued,
    'ForAnyValue:StringNotEquals: all tag keys approved, no Deny.',
    {
      identityPolicies: ID(
        allow({ Action: '*' }),
        deny({
          Action: '*',
          Condition: { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env', 'team'] } },
        }),
      ),
    },
    request('ec2:CreateTags', '*', { 'aws:TagKeys': ['env'] }),
    'allowed',
  ],

  // Permissions boundaries
  [
    'boundary-both',
    B,
    'Effective permissions: allowed by both the identity-based policy and the boundary.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allow({ Action: 's3:*' })) },
    asUser,
    'allowed',
    ['identity.json#0', 'boundary.json#0'],
  ],
  [
    'boundary-missing',
    B,
    'The boundary does not allow: implicit deny although the identity policy allows.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allowOther()) },
    asUser,
    'implicit-deny',
  ],
  [
    'boundary-grants-nothing',
    B,
    'A boundary alone grants nothing.',
    { boundary: BOUNDARY(allow()) },
    asUser,
    'implicit-deny',
  ],
  [
    'boundary-deny',
    B,
    'An explicit Deny in the boundary denies.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allow({ Action: '*' }), deny()) },
    asUser,
    'explicit-deny',
    ['boundary.json#1'],
  ],
  [
    'boundary-resource',
    B,
    'The boundary limits by resource too.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allow({ Resource: 'arn:aws:s3:::other/*' })) },
    asUser,
    'implicit-deny',
  ],
  [
    'boundary-condition',
    B,
    'A boundary statement with a false condition allows nothing.',
    {
      identityPolicies: ID(allow()),
      boundary: BOUNDARY(allow({ Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } })),
    },
    request('s3:GetObject', OBJECT, { 'aws:RequestedRegion': 'us-east-1' }),
    'implicit-deny',
  ],
  [
    'boundary-notaction',
    B,
    'A boundary may use NotAction: everything but IAM.',
    {
      identityPolicies: ID(allow({ Action: '*' })),
      boundary: BOUNDARY({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    },
    request('iam:CreateUser', '*'),
    'implicit-deny',
  ],
  [
    'boundary-notaction-other',
    B,
    'A boundary with NotAction iam:* still allows S3.',
    {
      identityPolicies: ID(allow({ Action: '*' })),
      boundary: BOUNDARY({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    },
    asUser,
    'allowed',
  ],
  [
    'boundary-role',
    B,
    'Boundaries apply to roles (sessions) as to users.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allowOther()) },
    asSession,
    'implicit-deny',
  ],

  // Session policies
  [
    'session-both',
    SP,
    'Session permissions: allowed by both the identity-based policy and the session policy.',
    { identityPolicies: ID(allow()), sessionPolicy: SESSION_POLICY(allow()) },
    asSession,
    'allowed',
    ['identity.json#0', 'session.json#0'],
  ],
  [
    'session-missing',
    SP,
    'The session policy does not allow: implicit deny.',
    { identityPolicies: ID(allow()), sessionPolicy: SESSION_POLICY(allowOther()) },
    asSession,
    'implicit-deny',
  ],
  [
    'session-grants-nothing',
    SP,
    'A session policy alone grants nothing.',
    { sessionPolicy: SESSION_POLICY(allow()) },
    asSession,
    'implicit-deny',
  ],
  [
    'session-deny',
    SP,
    'An explicit Deny in the session policy denies.',
    { identityPolicies: ID(allow()), sessionPolicy: SESSION_POLICY(allow({ Action: '*' }), deny()) },
    asSession,
    'explicit-deny',
  ],
  [
    'session-and-boundary',
    SP,
    'Identity, boundary and session policy must all allow.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allow()), sessionPolicy: SESSION_POLICY(allow()) },
    asSession,
    'allowed',
  ],
  [
    'session-and-boundary-missing',
    SP,
    'Identity and session allow but the boundary does not: implicit deny.',
    {
      identityPolicies: ID(allow()),
      boundary: BOUNDARY(allowOther()),
      sessionPolicy: SESSION_POLICY(allow()),
    },
    asSession,
    'implicit-deny',
  ],

  // SCPs
  [
    'scp-allows',
    O,
    'An SCP that allows lets the identity-based policy decide.',
    { identityPolicies: ID(allow()), scps: [[FULL('FullAWSAccess')]] },
    asUser,
    'allowed',
    ['FullAWSAccess#0', 'identity.json#0'],
  ],
  [
    'scp-not-allowing',
    O,
    'An SCP that does not allow the action: implicit deny.',
    { identityPolicies: ID(allow()), scps: [[SCP('OnlySqs', allowOther())]] },
    asUser,
    'implicit-deny',
  ],
  [
    'scp-grants-nothing',
    O,
    'SCPs never grant permissions on their own.',
    { scps: [[FULL('FullAWSAccess')]] },
    asUser,
    'implicit-deny',
  ],
  [
    'scp-deny',
    O,
    'An explicit Deny in an SCP denies, whatever the identity-based policy allows.',
    {
      identityPolicies: ID(allow()),
      scps: [[FULL('FullAWSAccess'), SCP('DenyS3', deny({ Action: 's3:*' }))]],
    },
    asUser,
    'explicit-deny',
    ['DenyS3#0'],
  ],
  [
    'scp-two-levels',
    O,
    'Every level of the organization (root, OU, account) must allow.',
    { identityPolicies: ID(allow()), scps: [[FULL('Root')], [FULL('OU')]] },
    asUser,
    'allowed',
  ],
  [
    'scp-second-level',
    O,
    'A level that does not allow: implicit deny, even when the other levels allow.',
    { identityPolicies: ID(allow()), scps: [[FULL('Root')], [SCP('OU', allowOther())]] },
    asUser,
    'implicit-deny',
  ],
  [
    'scp-three-levels',
    O,
    'Every level of the organization must allow: root, OU and account.',
    {
      identityPolicies: ID(allow()),
      scps: [[FULL('Root')], [FULL('OU')], [SCP('Account', allow({ Action: 's3:Get*' }))]],
    },
    asUser,
    'allowed',
  ],
  [
    'scp-level-several',
    O,
    'Within one level, any one of its SCPs may allow.',
    {
      identityPolicies: ID(allow()),
      scps: [[SCP('OnlySqs', allowOther()), SCP('OnlyS3', allow({ Action: 's3:*' }))]],
    },
    asUser,
    'allowed',
  ],
  [
    'scp-empty-level',
    O,
    'Choice: a level with no SCP allows nothing.',
    { identityPolicies: ID(allow()), scps: [[FULL('Root')], []] },
    asUser,
    'implicit-deny',
  ],
  [
    'scp-deny-lower-level',
    O,
    'A Deny at any level denies.',
    { identityPolicies: ID(allow()), scps: [[FULL('Root')], [FULL('OU'), SCP('DenyGet', deny())]] },
    asUser,
    'explicit-deny',
  ],
  [
    'scp-condition',
    O,
    'SCPs may carry conditions (Region restriction).',
    {
      identityPolicies: ID(allow()),
      scps: [
        [
          SCP('Regions', {
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
          }),
        ],
      ],
    },
    request('s3:GetObject', OBJECT, { 'aws:RequestedRegion': 'us-east-1' }),
    'implicit-deny',
  ],
  [
    'scp-limits-resource-policy',
    O,
    'SCPs limit permissions granted by resource-based policies too.',
    { resourcePolicy: RESOURCE(grant({ AWS: USER })), scps: [[SCP('OnlySqs', allowOther())]] },
    asUser,
    'implicit-deny',
  ],
  [
    'scp-with-boundary',
    O,
    'SCP, boundary and identity policy all allow.',
    { identityPolicies: ID(allow()), boundary: BOUNDARY(allow()), scps: [[FULL('Root')]] },
    asUser,
    'allowed',
  ],

  // Resource-based policies, same account
  [
    'rbp-user-alone',
    S,
    'Same account: a resource-based policy naming the IAM user allows without an identity-based Allow.',
    { resourcePolicy: RESOURCE(grant({ AWS: USER })) },
    asUser,
    'allowed',
    ['resource.json#0'],
  ],
  [
    'rbp-user-or-identity',
    S,
    'Same account: identity-based or resource-based Allow suffices (a union).',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(grant({ AWS: 'arn:aws:iam::111122223333:user/someone-else' })),
    },
    asUser,
    'allowed',
  ],
  [
    'rbp-user-boundary',
    B,
    'Within an account, an implicit deny in a permissions boundary does not limit what a resource-based policy grants to an IAM user.',
    { resourcePolicy: RESOURCE(grant({ AWS: USER })), boundary: BOUNDARY(allowOther()) },
    asUser,
    'allowed',
  ],
  [
    'rbp-user-boundary-deny',
    B,
    'An explicit Deny in the boundary still denies.',
    { resourcePolicy: RESOURCE(grant({ AWS: USER })), boundary: BOUNDARY(allowOther(), deny()) },
    asUser,
    'explicit-deny',
  ],
  [
    'rbp-user-session-policy',
    SP,
    'A resource-based policy naming the user is added before the session: the session policy limits it.',
    { resourcePolicy: RESOURCE(grant({ AWS: USER })), sessionPolicy: SESSION_POLICY(allowOther()) },
    asUser,
    'implicit-deny',
  ],
  [
    'rbp-session-alone',
    SP,
    'A resource-based policy naming the role session ARN allows without an identity-based Allow.',
    { resourcePolicy: RESOURCE(grant({ AWS: SESSION })) },
    asSession,
    'allowed',
  ],
  [
    'rbp-session-boundary',
    B,
    'A resource-based policy naming the role session ARN is not limited by an implicit deny in the boundary.',
    { resourcePolicy: RESOURCE(grant({ AWS: SESSION })), boundary: BOUNDARY(allowOther()) },
    asSession,
    'allowed',
  ],
  [
    'rbp-session-session-policy',
    SP,
    'A resource-based policy naming the session ARN is added after the session policy: not limited by it.',
    { resourcePolicy: RESOURCE(grant({ AWS: SESSION })), sessionPolicy: SESSION_POLICY(allowOther()) },
    asSession,
    'allowed',
  ],
  [
    'rbp-session-explicit-deny',
    E,
    'An explicit Deny in the session policy overrides a resource-based Allow naming the session.',
    { resourcePolicy: RESOURCE(grant({ AWS: SESSION })), sessionPolicy: SESSION_POLICY(deny()) },
    asSession,
    'explicit-deny',
  ],
  [
    'rbp-role-alone',
    S,
    'A resource-based policy naming the role allows its sessions without an identity-based Allow.',
    { resourcePolicy: RESOURCE(grant({ AWS: ROLE })) },
    asSession,
    'allowed',
  ],
  [
    'rbp-role-boundary',
    B,
    'A resource-based policy naming the role ARN is limited by an implicit deny in the boundary.',
    { resourcePolicy: RESOURCE(grant({ AWS: ROLE })), boundary: BOUNDARY(allowOther()) },
    asSession,
    'implicit-deny',
  ],
  [
    'rbp-role-boundary-allows',
    B,
    'A resource-based policy naming the role ARN, with a boundary that allows: allowed.',
    { resourcePolicy: RESOURCE(grant({ AWS: ROLE })), boundary: BOUNDARY(allow()) },
    asSession,
    'allowed',
  ],
  [
    'rbp-role-session-policy',
    SP,
    'A resource-based policy naming the role ARN is limited by the session policy.',
    { resourcePolicy: RESOURCE(grant({ AWS: ROLE })), sessionPolicy: SESSION_POLICY(allowOther()) },
    asSession,
    'implicit-deny',
  ],
  [
    'rbp-role-principal',
    S,
    'The role itself as principal, named by the resource-based policy: allowed.',
    { resourcePolicy: RESOURCE(grant({ AWS: ROLE })) },
    asRole,
    'allowed',
  ],
  [
    'rbp-account-delegates',
    P,
    'Choice: naming only the account delegates to it; in the same account the identity-based policy must allow.',
    { resourcePolicy: RESOURCE(grant({ AWS: `arn:aws:iam::${ACCOUNT}:root` })) },
    asUser,
    'implicit-deny',
  ],
  [
    'rbp-account-and-identity',
    P,
    'Naming the account plus an identity-based Allow: allowed.',
    { identityPolicies: ID(allow()), resourcePolicy: RESOURCE(grant({ AWS: ACCOUNT })) },
    asUser,
    'allowed',
  ],
  [
    'rbp-account-id-form',
    P,
    'An account ID equals arn:aws:iam::ID:root as a principal (cross account, both allow).',
    { identityPolicies: ID(allow()), resourcePolicy: RESOURCE(grant({ AWS: OTHER_ACCOUNT })) },
    crossAccount(),
    'allowed',
  ],
  [
    'rbp-everyone-user',
    P,
    '"*" names every principal: a user is allowed without an identity-based Allow.',
    { resourcePolicy: RESOURCE(grant('*')) },
    asUser,
    'allowed',
  ],
  [
    'rbp-everyone-aws',
    P,
    '{"AWS": "*"} names every principal too.',
    { resourcePolicy: RESOURCE(grant({ AWS: '*' })) },
    asUser,
    'allowed',
  ],
  [
    'rbp-everyone-session-boundary',
    B,
    'Choice: "*" for a role session is limited like the role ARN: an implicit deny in the boundary applies.',
    { resourcePolicy: RESOURCE(grant('*')), boundary: BOUNDARY(allowOther()) },
    asSession,
    'implicit-deny',
  ],
  [
    'rbp-other-principal',
    P,
    'A resource-based statement naming another principal does not apply.',
    { resourcePolicy: RESOURCE(grant({ AWS: 'arn:aws:iam::111122223333:user/carol' })) },
    asUser,
    'implicit-deny',
  ],
  [
    'rbp-principal-case',
    P,
    'Principal ARNs are case-sensitive.',
    { resourcePolicy: RESOURCE(grant({ AWS: 'arn:aws:iam::111122223333:user/Ana' })) },
    asUser,
    'implicit-deny',
  ],
  [
    'rbp-principal-list',
    P,
    'Principal may list several ARNs.',
    { resourcePolicy: RESOURCE(grant({ AWS: ['arn:aws:iam::111122223333:user/carol', USER] })) },
    asUser,
    'allowed',
  ],
  [
    'rbp-deny',
    E,
    'An explicit Deny in a resource-based policy overrides an identity-based Allow.',
    { identityPolicies: ID(allow()), resourcePolicy: RESOURCE(refuse({ Principal: '*' })) },
    asUser,
    'explicit-deny',
    ['resource.json#0'],
  ],
  [
    'rbp-deny-condition',
    E,
    'A resource-based Deny on insecure transport (aws:SecureTransport false).',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(
        refuse({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:SecureTransport': 'false' }),
    'explicit-deny',
  ],
  [
    'rbp-deny-condition-secure',
    E,
    'A resource-based Deny on insecure transport does not apply over TLS.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(
        refuse({ Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:SecureTransport': 'true' }),
    'allowed',
  ],
  [
    'rbp-resource-other',
    P,
    'A resource-based statement for another resource does not apply.',
    { resourcePolicy: RESOURCE(grant({ AWS: USER }, { Resource: 'arn:aws:s3:::other/*' })) },
    asUser,
    'implicit-deny',
  ],
  [
    'rbp-no-resource',
    P,
    'Choice: a resource-based statement without Resource applies to its own resource.',
    { resourcePolicy: RESOURCE({ Effect: 'Allow', Principal: { AWS: USER }, Action: 's3:GetObject' }) },
    asUser,
    'allowed',
  ],
  [
    'rbp-no-principal',
    P,
    'Choice: a resource-based statement without Principal is void (IAM refuses it).',
    { resourcePolicy: RESOURCE({ Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*` }) },
    asUser,
    'implicit-deny',
  ],
  [
    'rbp-service',
    P,
    'A service principal named in a resource-based policy is allowed.',
    { resourcePolicy: RESOURCE(grant({ Service: 'cloudtrail.amazonaws.com' })) },
    request('s3:GetObject', OBJECT, undefined, 'cloudtrail.amazonaws.com'),
    'allowed',
  ],
  [
    'rbp-service-other',
    P,
    'Another service principal is not named.',
    { resourcePolicy: RESOURCE(grant({ Service: 'cloudtrail.amazonaws.com' })) },
    request('s3:GetObject', OBJECT, undefined, 'config.amazonaws.com'),
    'implicit-deny',
  ],
  [
    'rbp-condition-principal-arn',
    S,
    'A resource-based Allow with aws:PrincipalArn in a condition.',
    {
      resourcePolicy: RESOURCE(
        grant('*', { Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/a*' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:PrincipalArn': USER }),
    'allowed',
  ],
  [
    'rbp-condition-org',
    S,
    'A resource-based Allow for the organization with aws:PrincipalOrgID.',
    {
      resourcePolicy: RESOURCE(
        grant('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
      ),
    },
    request('s3:GetObject', OBJECT, { 'aws:PrincipalOrgID': 'o-other' }),
    'implicit-deny',
  ],

  // Cross account
  [
    'cross-both',
    X,
    'Cross account: both the identity-based and the resource-based policy allow.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(grant({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` })),
    },
    crossAccount(),
    'allowed',
    ['identity.json#0', 'resource.json#0'],
  ],
  [
    'cross-identity-only',
    X,
    'Cross account: the identity-based policy alone does not allow.',
    { identityPolicies: ID(allow()) },
    crossAccount(),
    'implicit-deny',
  ],
  [
    'cross-resource-only',
    X,
    'Cross account: the resource-based policy alone does not allow, even naming the user.',
    { resourcePolicy: RESOURCE(grant({ AWS: OTHER_USER })) },
    crossAccount(),
    'implicit-deny',
  ],
  [
    'cross-resource-other-account',
    X,
    'Cross account: the resource-based policy names a third account.',
    { identityPolicies: ID(allow()), resourcePolicy: RESOURCE(grant({ AWS: '999988887777' })) },
    crossAccount(),
    'implicit-deny',
  ],
  [
    'cross-user-named',
    X,
    'Cross account: naming the user and an identity-based Allow.',
    { identityPolicies: ID(allow()), resourcePolicy: RESOURCE(grant({ AWS: OTHER_USER })) },
    crossAccount(),
    'allowed',
  ],
  [
    'cross-boundary',
    X,
    "Cross account: the requester's boundary still limits.",
    {
      identityPolicies: ID(allow()),
      boundary: BOUNDARY(allowOther()),
      resourcePolicy: RESOURCE(grant({ AWS: OTHER_ACCOUNT })),
    },
    crossAccount(),
    'implicit-deny',
  ],
  [
    'cross-deny',
    X,
    'Cross account: an explicit Deny in the resource-based policy denies.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(grant({ AWS: OTHER_ACCOUNT }), refuse({ Principal: { AWS: OTHER_ACCOUNT } })),
    },
    crossAccount(),
    'explicit-deny',
  ],
  [
    'cross-scp',
    X,
    "Cross account: the requester's SCPs still limit.",
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(grant({ AWS: OTHER_ACCOUNT })),
      scps: [[SCP('OnlySqs', allowOther())]],
    },
    crossAccount(),
    'implicit-deny',
  ],
  [
    'cross-arn-account',
    X,
    "The resource's account comes from its ARN when the ARN has one.",
    { identityPolicies: ID({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) },
    request('sqs:SendMessage', `arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:q`),
    'implicit-deny',
  ],
  [
    'cross-arn-account-granted',
    X,
    'Cross account by ARN: the queue policy names the account, the identity policy allows.',
    {
      identityPolicies: ID({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }),
      resourcePolicy: RESOURCE({
        Effect: 'Allow',
        Principal: { AWS: ACCOUNT },
        Action: 'sqs:SendMessage',
        Resource: `arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:q`,
      }),
    },
    request('sqs:SendMessage', `arn:aws:sqs:us-east-1:${OTHER_ACCOUNT}:q`),
    'allowed',
  ],
  [
    'same-arn-account',
    S,
    "The resource's ARN in the principal's account: same-account evaluation.",
    { identityPolicies: ID({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) },
    request('sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCOUNT}:q`),
    'allowed',
  ],
  [
    'cross-explicit-account',
    X,
    "The request may give the resource's account explicitly.",
    { identityPolicies: ID(allow()) },
    { ...asUser, resourceAccount: OTHER_ACCOUNT },
    'implicit-deny',
  ],

  // NotPrincipal
  [
    'notprincipal-deny-others',
    NP,
    'Deny with NotPrincipal denies every principal not listed.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(
        refuse({ NotPrincipal: { AWS: ['arn:aws:iam::111122223333:user/carol', ACCOUNT] } }),
      ),
    },
    asUser,
    'explicit-deny',
  ],
  [
    'notprincipal-deny-listed',
    NP,
    'Deny with NotPrincipal spares a user listed with its account.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(refuse({ NotPrincipal: { AWS: [USER, `arn:aws:iam::${ACCOUNT}:root`] } })),
    },
    asUser,
    'allowed',
  ],
  [
    'notprincipal-session-role-only',
    NP,
    'NotPrincipal listing only the role does not spare its sessions: the session ARN must be listed too.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(refuse({ NotPrincipal: { AWS: [ROLE, ACCOUNT] } })),
    },
    asSession,
    'explicit-deny',
  ],
  [
    'notprincipal-session-all',
    NP,
    'NotPrincipal listing the session ARN, the role ARN and the account spares the session.',
    {
      identityPolicies: ID(allow()),
      resourcePolicy: RESOURCE(refuse({ NotPrincipal: { AWS: [SESSION, ROLE, ACCOUNT] } })),
    },
    asSession,
    'allowed',
  ],
  [
    'notprincipal-boundary',
    B,
    'A resource-based Deny with NotPrincipal always denies a principal that has a permissions boundary.',
    {
      identityPolicies: ID(allow()),
      boundary: BOUNDARY(allow()),
      resourcePolicy: RESOURCE(refuse({ NotPrincipal: { AWS: [USER, ACCOUNT] } })),
    },
    asUser,
    'explicit-deny',
  ],
  [
    'notprincipal-allow',
    NP,
    'Allow with NotPrincipal allows every principal not listed.',
    {
      resourcePolicy: RESOURCE({
        Effect: 'Allow',
        NotPrincipal: { AWS: 'arn:aws:iam::111122223333:user/carol' },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
      }),
    },
    asUser,
    'allowed',
  ],
  [
    'notprincipal-allow-listed',
    NP,
    'Allow with NotPrincipal does not allow the principals listed.',
    {
      resourcePolicy: RESOURCE({
        Effect: 'Allow',
        NotPrincipal: { AWS: [USER, ACCOUNT] },
        Action: 's3:GetObject',
        Resource: `${BUCKET}/*`,
      }),
    },
    asUser,
    'implicit-deny',
  ],
  [
    'notprincipal-everyone',
    NP,
    'Choice: NotPrincipal "*" excludes everyone: the Deny never applies.',
    { identityPolicies: ID(allow()), resourcePolicy: RESOURCE(refuse({ NotPrincipal: { AWS: '*' } })) },
    asUser,
    'allowed',
  ],
];

export const LOGIC_SCENARIOS: readonly Scenario[] = ROWS.map(
  ([id, doc_, rule, policies, req, expect, matched]) => ({
    id: `logic-${id}`,
    doc: doc_,
    rule,
    input: { ...policies, request: req },
    expect,
    ...(matched === undefined ? {} : { matched }),
  }),
);
