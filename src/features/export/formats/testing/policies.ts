/**
 * Policies the exporter tests run on: the ECS seed policy, and policies whose strings, numbers,
 * booleans and shapes need care in every target format.
 */
import type { JsonValue } from '../../../../policy/model';
import type { ExportInput } from '../types';

/** The ECS seed policy: read-only ECS, only with MFA. */
export const ECS_SEED: JsonValue = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EcsReadOnlyWithMfa',
      Effect: 'Allow',
      Action: ['ecs:Describe*', 'ecs:List*'],
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
};

/**
 * Conditions with numbers and booleans, NotAction, several blocks, and strings that need escaping
 * somewhere: quotes, backslashes, policy variables, "%{", "#", ":", a leading "*", "!" and "&",
 * YAML 1.1 look-alikes ("yes", "0755", "1:20"), a tab and a newline, non-ASCII.
 */
export const TRICKY: JsonValue = {
  Version: '2012-10-17',
  Id: 'tricky-policy',
  Statement: [
    {
      Sid: 'OwnPrefix',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::example-bucket',
      Condition: {
        StringLike: { 's3:prefix': ['home/${aws:username}/*', 'home/${aws:username}', ''] },
        NumericLessThanEquals: { 's3:max-keys': 100 },
        Bool: { 'aws:SecureTransport': true, 'aws:ViaAWSService': 'false' },
      },
    },
    {
      Sid: 'OwnObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: [
        'arn:aws:s3:::example-bucket/home/${aws:username}/*',
        'arn:aws:s3:::example-bucket/literal/$${not-a-variable}/%{x}/%%{y}/${*}/${?}/${$}',
      ],
    },
    {
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:GetCallerIdentity'],
      NotResource: '*',
      Condition: {
        StringNotEquals: {
          'aws:RequestedRegion': ['eu-west-1', 'yes', 'on', '0755', '1:20', 'null', '~', '2012-10-17'],
        },
        'ForAnyValue:StringEquals': {
          'aws:TagKeys': ['say "hi"', 'back\\slash', "it's", 'tab\there', 'two\nlines'],
        },
        StringEqualsIgnoreCase: {
          'aws:PrincipalTag/team': ['#hash', 'a: b', '*star', '!bang', '&amp', '@at', '`tick', '—ü€😀'],
        },
        NumericGreaterThan: { 'aws:MultiFactorAuthAge': [3600, 1.5, -2, 0] },
        Null: { 'aws:TokenIssueTime': 'false' },
      },
    },
    {
      Sid: 'Everything',
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } },
    },
  ],
};

/** The TRICKY policy without what only JSON and CloudFormation carry exactly (Id). */
export const TRICKY_NO_ID: JsonValue = (() => {
  const copy = JSON.parse(JSON.stringify(TRICKY)) as Record<string, JsonValue>;
  delete copy.Id;
  return copy;
})();

export const ECS_INPUT: ExportInput = {
  document: ECS_SEED,
  name: 'EcsReadOnlyWithMfa',
  description: 'Read-only ECS access, only with MFA',
};

export const TRICKY_INPUT: ExportInput = {
  document: TRICKY,
  name: 'Tricky.Policy_v2',
  description: `Team "ops" — it's for $HOME, \${aws:username}, %{x}, back\\slash, #1: yes`,
  path: '/team/ops/',
  targets: { users: ['alice', 'bob.smith@example'], groups: ['Ops-Team'], roles: ['ops_role', 'OpsRole2'] },
};

/** Parses JSON text the way the app does (JSON.parse: key order kept, "__proto__" an own key). */
export function copyOf(value: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
