/**
 * A JSON Schema for IAM identity and trust policies, for the JSON view's key completion and
 * hovers. The validator (src/policy/validate.ts) stays the one judge of what is wrong: its
 * findings are the editor's markers, so this schema only describes the shape.
 */

/** The JSON view's model URI; the schema's fileMatch points at it. */
export const POLICY_MODEL_URI = 'inmemory://workbench/policy.json';
export const POLICY_SCHEMA_URI = 'inmemory://workbench/schemas/iam-policy.json';

const stringOrStrings = (description: string) => ({
  description,
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
});

const principal = (description: string) => ({
  description,
  anyOf: [
    { type: 'string', enum: ['*'] },
    {
      type: 'object',
      properties: {
        AWS: stringOrStrings(
          'AWS accounts, IAM users, IAM roles or assumed-role sessions, by ARN or account ID.',
        ),
        Service: stringOrStrings('AWS service principals, e.g. "ec2.amazonaws.com".'),
        Federated: stringOrStrings(
          'A web identity or SAML provider, e.g. "cognito-identity.amazonaws.com" or a SAML provider ARN.',
        ),
        CanonicalUser: stringOrStrings('Canonical user IDs (Amazon S3).'),
      },
      additionalProperties: false,
    },
  ],
});

const condition = {
  description:
    'Conditions under which the statement applies: an object of condition operators (e.g. "StringEquals"), each mapping condition keys to a value or a list of values.',
  type: 'object',
  additionalProperties: {
    type: 'object',
    description: 'Condition keys (e.g. "aws:PrincipalTag/team") and the values to compare.',
    additionalProperties: {
      anyOf: [
        { type: ['string', 'number', 'boolean'] },
        { type: 'array', items: { type: ['string', 'number', 'boolean'] } },
      ],
    },
  },
};

const statement = {
  type: 'object',
  description: 'One permission statement: an effect, actions, resources and optional conditions.',
  properties: {
    Sid: {
      type: 'string',
      description:
        'An optional statement ID: letters (A-Z, a-z) and digits (0-9) only, unique within the policy.',
    },
    Effect: {
      type: 'string',
      enum: ['Allow', 'Deny'],
      enumDescriptions: [
        'Grant the actions on the resources.',
        'Refuse the actions on the resources, overriding any Allow.',
      ],
      description: 'Whether the statement allows or explicitly denies access. An explicit Deny always wins.',
    },
    Action: stringOrStrings(
      'The actions the statement covers, as "service:Action" (wildcards * and ? allowed), e.g. "s3:GetObject".',
    ),
    NotAction: stringOrStrings(
      'Every action except these. With Allow this grants far more than it seems; prefer Action unless you mean it.',
    ),
    Resource: stringOrStrings('The resources the actions apply to, as ARNs (wildcards allowed), or "*".'),
    NotResource: stringOrStrings(
      'Every resource except these ARNs. Use with care: it matches resources that do not exist yet.',
    ),
    Principal: principal(
      'Who the statement applies to. Only in resource-based and role trust policies, never in identity policies.',
    ),
    NotPrincipal: principal(
      'Everyone except these principals. Only in resource-based policies; avoid it with Allow.',
    ),
    Condition: condition,
  },
  additionalProperties: false,
  defaultSnippets: [
    {
      label: 'New statement',
      description: 'An Allow statement with actions and resources',
      body: { Effect: 'Allow', Action: ['$1'], Resource: ['$2'] },
    },
  ],
};

export const policySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'AWS IAM policy',
  type: 'object',
  properties: {
    Version: {
      type: 'string',
      enum: ['2012-10-17', '2008-10-17'],
      enumDescriptions: [
        'The current policy language version: use it.',
        'An older version without policy variables.',
      ],
      description:
        'The policy language version. Always use "2012-10-17": older versions do not support policy variables.',
    },
    Id: { type: 'string', description: 'An optional identifier for the policy.' },
    Statement: {
      description: 'The permission statements: one statement object or a list of them.',
      anyOf: [statement, { type: 'array', items: statement }],
    },
  },
  additionalProperties: false,
} as const;
