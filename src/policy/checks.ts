/**
 * Every finding code the validator (validate.ts) can report, with its fixed severity, and how
 * the codes relate to IAM Access Analyzer's policy checks (the TSV under shared/reference).
 *
 * Codes are stable: the UI, saved settings and tests refer to them. Add new ones; never rename.
 */
import { LEAST_PRIVILEGE_CHECKS } from './leastPrivilege/checks';
import type { Severity } from './model';

export interface CheckInfo {
  readonly severity: Severity;
  /** a short name for lists and filters */
  readonly title: string;
}

export const CHECKS = {
  // Document structure
  'missing-version': { severity: 'warning', title: 'Missing version' },
  'invalid-version': { severity: 'error', title: 'Invalid version' },
  'missing-statement': { severity: 'error', title: 'Missing statement' },
  'invalid-policy-element': { severity: 'error', title: 'Invalid policy element' },
  'data-type-mismatch': { severity: 'error', title: 'Data type mismatch' },
  'missing-effect': { severity: 'error', title: 'Missing effect' },
  'invalid-effect': { severity: 'error', title: 'Invalid effect' },
  'missing-action': { severity: 'error', title: 'Missing action' },
  'missing-resource': { severity: 'error', title: 'Missing resource' },
  'unsupported-element-combination': { severity: 'error', title: 'Unsupported element combination' },
  'unsupported-sid': { severity: 'error', title: 'Unsupported Sid' },
  'unique-sids-required': { severity: 'error', title: 'Unique Sids required' },
  'unique-sids-recommended': { severity: 'warning', title: 'Unique Sids recommended' },
  'empty-sid-value': { severity: 'suggestion', title: 'Empty Sid value' },
  'invalid-character': { severity: 'error', title: 'Invalid character' },
  'id-in-identity-policy': { severity: 'suggestion', title: 'Id in identity policy' },
  'policy-size-exceeds-identity-policy-quota': {
    severity: 'warning',
    title: 'Policy size exceeds identity policy quota',
  },
  'policy-size-exceeds-role-trust-policy-quota': {
    severity: 'warning',
    title: 'Policy size exceeds role trust policy quota',
  },

  // Actions
  'invalid-action-format': { severity: 'error', title: 'Invalid action format' },
  'invalid-service-in-action': { severity: 'error', title: 'Invalid service in action' },
  'invalid-service': { severity: 'error', title: 'Invalid service' },
  'invalid-action': { severity: 'error', title: 'Invalid action' },
  'wildcard-matches-nothing': { severity: 'error', title: 'Wildcard matches no action' },
  'wildcard-in-service-name': { severity: 'suggestion', title: 'Wildcard in service name' },
  'unsupported-action-in-policy': { severity: 'error', title: 'Unsupported action in policy' },
  'retired-service': { severity: 'warning', title: 'Retired service' },

  // Resources
  'invalid-arn-prefix': { severity: 'error', title: 'Invalid ARN prefix' },
  'missing-arn-field': { severity: 'error', title: 'Missing ARN field' },
  'invalid-partition': { severity: 'error', title: 'Invalid partition' },
  'invalid-arn-service-case': { severity: 'error', title: 'Invalid ARN service case' },
  'invalid-arn-region': { severity: 'error', title: 'Invalid ARN Region' },
  'missing-arn-region': { severity: 'error', title: 'Missing ARN Region' },
  'arn-region-not-allowed': { severity: 'error', title: 'ARN Region not allowed' },
  'invalid-arn-account': { severity: 'error', title: 'Invalid ARN account' },
  'arn-account-not-allowed': { severity: 'error', title: 'ARN account not allowed' },
  'invalid-arn-resource': { severity: 'error', title: 'Invalid ARN resource' },
  'unsupported-resource-arn': { severity: 'error', title: 'Unsupported resource ARN in policy' },

  // Conditions
  'empty-object-condition': { severity: 'suggestion', title: 'Empty object condition' },
  'invalid-condition-operator': { severity: 'error', title: 'Invalid condition operator' },
  'null-with-if-exists': { severity: 'error', title: 'Null with if exists' },
  'null-with-qualifier': { severity: 'suggestion', title: 'Null with qualifier' },
  'invalid-condition-key-format': { severity: 'error', title: 'Invalid condition key format' },
  'invalid-global-condition-key': { severity: 'error', title: 'Invalid global condition key' },
  'unsupported-global-condition-key': { severity: 'error', title: 'Unsupported global condition key' },
  'invalid-service-condition-key': { severity: 'error', title: 'Invalid service condition key' },
  'missing-tag-key-in-condition': { severity: 'error', title: 'Missing tag key in condition' },
  'unsupported-action-for-condition-key': {
    severity: 'error',
    title: 'Unsupported action for condition key',
  },
  'missing-action-for-condition-key': { severity: 'error', title: 'Missing action for condition key' },
  'invalid-condition-data-type': { severity: 'error', title: 'Invalid condition data type' },
  'invalid-condition-multiple-boolean': { severity: 'error', title: 'Invalid condition multiple Boolean' },
  'invalid-variable-for-operator': { severity: 'error', title: 'Invalid variable for operator' },
  'missing-qualifier': { severity: 'error', title: 'Missing qualifier' },
  'forallvalues-with-single-valued-key': {
    severity: 'security',
    title: 'ForAllValues with single valued key',
  },
  'confirm-audience-claim-type': { severity: 'suggestion', title: 'Confirm audience claim type' },
  'type-mismatch': { severity: 'warning', title: 'Type mismatch' },
  'type-mismatch-boolean': { severity: 'warning', title: 'Type mismatch Boolean' },
  'type-mismatch-date': { severity: 'warning', title: 'Type mismatch date' },
  'type-mismatch-number': { severity: 'warning', title: 'Type mismatch number' },
  'type-mismatch-ip-range': { severity: 'warning', title: 'Type mismatch IP range' },
  'type-mismatch-string': { severity: 'warning', title: 'Type mismatch string' },
  'type-mismatch-arn': { severity: 'warning', title: 'Type mismatch ARN' },
  'invalid-date-value': { severity: 'warning', title: 'Invalid date value' },
  'wildcard-without-like-operator': { severity: 'warning', title: 'Wildcard without like operator' },
  'empty-array-condition': { severity: 'suggestion', title: 'Empty array condition' },
  'empty-array-condition-forallvalues': {
    severity: 'suggestion',
    title: 'Empty array condition ForAllValues',
  },
  'empty-array-condition-foranyvalue': { severity: 'suggestion', title: 'Empty array condition ForAnyValue' },
  'empty-array-condition-ifexists': { severity: 'suggestion', title: 'Empty array condition IfExists' },
  'improve-ip-range': { severity: 'suggestion', title: 'Improve IP range' },
  'private-ip-address': { severity: 'error', title: 'Private IP address' },
  'private-not-ip-address': { severity: 'error', title: 'Private NotIpAddress' },
  'private-ip-address-subset': { severity: 'suggestion', title: 'Private IP address subset' },
  'private-not-ip-address-subset': { severity: 'suggestion', title: 'Private NotIpAddress subset' },
  'redundant-condition-value-num': { severity: 'suggestion', title: 'Redundant condition value num' },
  'invalid-region': { severity: 'error', title: 'Invalid Region' },
  'invalid-vpc-format': { severity: 'error', title: 'Invalid vpc format' },
  'invalid-vpce-format': { severity: 'error', title: 'Invalid vpce format' },
  'missing-paired-condition-keys': { severity: 'security', title: 'Missing paired condition keys' },
  'allow-with-unsupported-tag-condition-key-for-service': {
    severity: 'suggestion',
    title: 'Allow with unsupported tag condition key for service',
  },
  'allow-notaction-with-unsupported-tag-condition-key-for-service': {
    severity: 'suggestion',
    title: 'Allow NotAction with unsupported tag condition key for service',
  },
  'deny-with-unsupported-tag-condition-key-for-service': {
    severity: 'security',
    title: 'Deny with unsupported tag condition key for service',
  },
  'deny-notaction-with-unsupported-tag-condition-key-for-service': {
    severity: 'security',
    title: 'Deny NotAction with unsupported tag condition key for service',
  },

  // Policy variables
  'missing-brace-in-variable': { severity: 'error', title: 'Missing brace in variable' },
  'missing-quote-in-variable': { severity: 'error', title: 'Missing quote in variable' },
  'unsupported-space-in-variable': { severity: 'error', title: 'Unsupported space in variable' },
  'unsupported-symbol-in-variable': { severity: 'error', title: 'Unsupported symbol in variable' },
  'empty-variable': { severity: 'error', title: 'Empty variable' },
  'variable-unsupported-in-element': { severity: 'error', title: 'Variable unsupported in element' },
  'variable-unsupported-in-version': { severity: 'error', title: 'Variable unsupported in version' },

  // Broad grants
  'allow-with-not-action': { severity: 'security', title: 'Allow with NotAction' },
  'allow-with-not-resource': { severity: 'security', title: 'Allow with NotResource' },
  'pass-role-with-star-in-resource': { severity: 'security', title: 'Pass role with star in resource' },
  'pass-role-with-star-in-action-and-resource': {
    severity: 'security',
    title: 'Pass role with star in action and resource',
  },
  'pass-role-with-not-resource': { severity: 'security', title: 'Pass role with NotResource' },
  'pass-role-with-star-in-action-and-not-resource': {
    severity: 'security',
    title: 'Pass role with star in action and NotResource',
  },
  'pass-role-with-star-in-resource-and-not-action': {
    severity: 'security',
    title: 'Pass role with star in resource and NotAction',
  },
  'pass-role-with-not-action-and-not-resource': {
    severity: 'security',
    title: 'Pass role with NotAction and NotResource',
  },
  'create-slr-with-star-in-resource': { severity: 'warning', title: 'Create SLR with star in resource' },
  'create-slr-with-star-in-action-and-resource': {
    severity: 'warning',
    title: 'Create SLR with star in action and resource',
  },
  'create-slr-with-not-resource': { severity: 'warning', title: 'Create SLR with NotResource' },
  'create-slr-with-star-in-action-and-not-resource': {
    severity: 'warning',
    title: 'Create SLR with star in action and NotResource',
  },
  'create-slr-with-star-in-resource-and-not-action': {
    severity: 'warning',
    title: 'Create SLR with star in resource and NotAction',
  },
  'create-slr-with-not-action-and-not-resource': {
    severity: 'warning',
    title: 'Create SLR with NotAction and NotResource',
  },

  // Principals (role trust policies; identity policies take none)
  'unsupported-principal': { severity: 'error', title: 'Unsupported principal' },
  'federated-principal-not-supported': { severity: 'error', title: 'Federated principal not supported' },
  'missing-principal': { severity: 'error', title: 'Missing principal' },
  'invalid-principal-format': { severity: 'error', title: 'Invalid principal format' },
  'invalid-principal-key': { severity: 'error', title: 'Invalid principal key' },
  'empty-array-principal': { severity: 'suggestion', title: 'Empty array principal' },
  'empty-object-principal': { severity: 'suggestion', title: 'Empty object principal' },
  'unsupported-wildcard-in-principal': { severity: 'error', title: 'Unsupported wildcard in principal' },
  'role-trust-policy-unsupported-wildcard-in-principal': {
    severity: 'error',
    title: 'Role trust policy unsupported wildcard in principal',
  },
  'role-trust-policy-syntax-error-notprincipal': {
    severity: 'error',
    title: 'Role trust policy syntax error NotPrincipal',
  },
  'role-trust-policy-syntax-error-resource': {
    severity: 'error',
    title: 'Role trust policy syntax error Resource',
  },
  'allow-with-not-principal': { severity: 'security', title: 'Allow with NotPrincipal' },
  'invalid-service-principal-format': { severity: 'error', title: 'Invalid service principal format' },
  'invalid-federated-principal-syntax-in-role-trust-policy': {
    severity: 'error',
    title: 'Invalid federated principal syntax in role trust policy',
  },
  'invalid-role-reference': { severity: 'warning', title: 'Invalid role reference' },
  'invalid-user-reference': { severity: 'warning', title: 'Invalid user reference' },
  'mismatched-action-for-principal': { severity: 'error', title: 'Mismatched action for principal' },
  'missing-action-for-roles-anywhere-trust-policy': {
    severity: 'error',
    title: 'Missing action for roles anywhere trust policy',
  },
  'unsupported-condition-key-for-service-principal': {
    severity: 'error',
    title: 'Unsupported condition key for service principal',
  },
  'restrict-access-to-service-principal': {
    severity: 'security',
    title: 'Restrict access to service principal',
  },
  'recommended-condition-key-for-service-principal': {
    severity: 'suggestion',
    title: 'Recommended condition key for service principal',
  },
  'missing-condition-key-for-oidc-principal': {
    severity: 'security',
    title: 'Missing condition key for OIDC principal',
  },
  'missing-github-repo-condition-key': { severity: 'security', title: 'Missing GitHub repo condition key' },
  'specific-github-repo-and-branch-recommended': {
    severity: 'warning',
    title: 'Specific GitHub repo and branch recommended',
  },
  'redundant-principal-in-role-trust-policy': {
    severity: 'suggestion',
    title: 'Redundant principal in role trust policy',
  },

  // Redundancy
  'redundant-action': { severity: 'suggestion', title: 'Redundant action' },
  'redundant-resource': { severity: 'suggestion', title: 'Redundant resource' },
  'redundant-statement': { severity: 'suggestion', title: 'Redundant statement' },

  // The validator itself
  'validator-internal-error': { severity: 'warning', title: 'Validator internal error' },
} as const satisfies Record<string, CheckInfo>;

export type CheckCode = keyof typeof CHECKS;

/**
 * Every finding code analyze() reports besides the parser's: the validator's (CHECKS) and the
 * least-privilege checks' (leastPrivilege/checks.ts: missing dependent actions and iam:PassRole,
 * condition keys that apply to only some actions, tighten suggestions). Those come from
 * leastPrivilegeFindings, not the validator, and no Access Analyzer check names them, so they stay
 * out of CHECKS and its mapping; checks.test.ts keeps the two tables apart.
 */
export const FINDING_CHECKS: Readonly<Record<CheckCode | keyof typeof LEAST_PRIVILEGE_CHECKS, CheckInfo>> = {
  ...CHECKS,
  ...LEAST_PRIVILEGE_CHECKS,
};

export type FindingCode = keyof typeof FINDING_CHECKS;

export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(FINDING_CHECKS, code);
}

/**
 * Codes that no Access Analyzer check names, with the reason for their severity (checks.test.ts
 * requires every code to be mapped to a check of the same severity, or listed here).
 */
export const UNMAPPED_CODES: Readonly<Partial<Record<CheckCode, string>>> = {
  'invalid-character':
    "IAM's policy document pattern allows only tab, line feed, carriage return and U+0020 to U+00FF; IAM rejects any other character (MalformedPolicyDocument), so it is an error.",
  'id-in-identity-policy':
    'AWS documents Id for resource-based policies; IAM accepts it in identity policies and ignores it, so it is only a suggestion.',
  'retired-service':
    'IAM accepts actions and ARNs of retired services (AWS managed policies still hold them); they grant nothing, so it is a warning, not an error.',
  'type-mismatch-arn':
    'A value of an Arn operator that is not an ARN: like the other type mismatches Access Analyzer lists (Type mismatch string, number, ...) it is a general warning.',
  'allow-with-not-action':
    'Access Analyzer has no check for Allow with NotAction in identity policies; it allows every action not listed, including future ones, so it is a security warning like Allow with NotPrincipal.',
  'allow-with-not-resource':
    'Access Analyzer has no check for Allow with NotResource; it allows the actions on every resource not listed, including future ones, so it is a security warning like Allow with NotPrincipal.',
  'unsupported-symbol-in-variable':
    'Access Analyzer\'s "Unsupported symbol in variable" check is not in the reference table copied here; it is an error like its sibling "Unsupported space in variable": the variable names no context key, so IAM never replaces it.',
  'validator-internal-error':
    'A failure of this validator, not of the policy: a warning so that it never blocks a valid policy.',
};

/** Codes that parse.ts reports (syntax and duplicate keys); the validator does not repeat them. */
export const PARSE_FINDING_CODES = ['json-syntax', 'duplicate-key', 'duplicate-key-case'] as const;
export type ParseCode = (typeof PARSE_FINDING_CODES)[number];

export function isCheckCode(code: string): code is CheckCode {
  return Object.prototype.hasOwnProperty.call(CHECKS, code);
}

/** One IAM Access Analyzer check, and what covers it here. */
export interface AccessAnalyzerCheck {
  /** severity as Access Analyzer names it: Error, General Warning, Security Warning, Suggestion */
  readonly severity: 'Error' | 'General Warning' | 'Security Warning' | 'Suggestion';
  /** the check's name, exactly as in the TSV */
  readonly name: string;
  /** our codes that report it (validator or parser codes) */
  readonly codes?: readonly (CheckCode | ParseCode)[];
  /** why no code reports it */
  readonly notApplicable?: string;
}

const SCP_ONLY =
  'Applies only to service control policies (AWS Organizations); this app authors identity and role trust policies.';
const RESOURCE_POLICY_ONLY =
  'Applies only to resource-based policies attached to a resource (S3 bucket, KMS key, ...); identity and role trust policies have no attached resource type.';

/** Every row of shared/reference/access-analyzer-checks.tsv, in its order (checks.test.ts compares). */
export const ACCESS_ANALYZER_CHECKS: readonly AccessAnalyzerCheck[] = [
  { severity: 'Error', name: 'ARN Region not allowed', codes: ['arn-region-not-allowed'] },
  { severity: 'Error', name: 'ARN account not allowed', codes: ['arn-account-not-allowed'] },
  { severity: 'Error', name: 'Data type mismatch', codes: ['data-type-mismatch'] },
  { severity: 'Error', name: 'Duplicate keys with different case', codes: ['duplicate-key-case'] },
  { severity: 'Error', name: 'Empty variable', codes: ['empty-variable'] },
  {
    severity: 'Error',
    name: 'Federated principal not supported',
    codes: ['federated-principal-not-supported'],
  },
  { severity: 'Error', name: 'Invalid ARN Region', codes: ['invalid-arn-region'] },
  { severity: 'Error', name: 'Invalid ARN account', codes: ['invalid-arn-account'] },
  { severity: 'Error', name: 'Invalid ARN prefix', codes: ['invalid-arn-prefix'] },
  { severity: 'Error', name: 'Invalid ARN resource', codes: ['invalid-arn-resource'] },
  { severity: 'Error', name: 'Invalid ARN service case', codes: ['invalid-arn-service-case'] },
  { severity: 'Error', name: 'Invalid Region', codes: ['invalid-region'] },
  { severity: 'Error', name: 'Invalid action', codes: ['invalid-action', 'wildcard-matches-nothing'] },
  { severity: 'Error', name: 'Invalid condition data type', codes: ['invalid-condition-data-type'] },
  { severity: 'Error', name: 'Invalid condition key format', codes: ['invalid-condition-key-format'] },
  {
    severity: 'Error',
    name: 'Invalid condition multiple Boolean',
    codes: ['invalid-condition-multiple-boolean'],
  },
  { severity: 'Error', name: 'Invalid condition operator', codes: ['invalid-condition-operator'] },
  { severity: 'Error', name: 'Invalid effect', codes: ['invalid-effect'] },
  {
    severity: 'Error',
    name: 'Invalid federated principal syntax in role trust policy',
    codes: ['invalid-federated-principal-syntax-in-role-trust-policy'],
  },
  { severity: 'Error', name: 'Invalid global condition key', codes: ['invalid-global-condition-key'] },
  { severity: 'Error', name: 'Invalid partition', codes: ['invalid-partition'] },
  { severity: 'Error', name: 'Invalid policy element', codes: ['invalid-policy-element'] },
  { severity: 'Error', name: 'Invalid principal format', codes: ['invalid-principal-format'] },
  { severity: 'Error', name: 'Invalid principal key', codes: ['invalid-principal-key'] },
  { severity: 'Error', name: 'Invalid service', codes: ['invalid-service'] },
  { severity: 'Error', name: 'Invalid service condition key', codes: ['invalid-service-condition-key'] },
  {
    severity: 'Error',
    name: 'Invalid service in action',
    codes: ['invalid-service-in-action', 'invalid-action-format'],
  },
  {
    severity: 'Error',
    name: 'Invalid service principal format',
    codes: ['invalid-service-principal-format'],
  },
  { severity: 'Error', name: 'Invalid variable for operator', codes: ['invalid-variable-for-operator'] },
  { severity: 'Error', name: 'Invalid version', codes: ['invalid-version'] },
  { severity: 'Error', name: 'Invalid vpc format', codes: ['invalid-vpc-format'] },
  { severity: 'Error', name: 'Invalid vpce format', codes: ['invalid-vpce-format'] },
  { severity: 'Error', name: 'Json syntax error', codes: ['json-syntax', 'duplicate-key'] },
  { severity: 'Error', name: 'Mismatched action for principal', codes: ['mismatched-action-for-principal'] },
  { severity: 'Error', name: 'Missing ARN Region', codes: ['missing-arn-region'] },
  { severity: 'Error', name: 'Missing ARN field', codes: ['missing-arn-field'] },
  { severity: 'Error', name: 'Missing action', codes: ['missing-action'] },
  {
    severity: 'Error',
    name: 'Missing action for condition key',
    codes: ['missing-action-for-condition-key'],
  },
  {
    severity: 'Error',
    name: 'Missing action for roles anywhere trust policy',
    codes: ['missing-action-for-roles-anywhere-trust-policy'],
  },
  { severity: 'Error', name: 'Missing brace in variable', codes: ['missing-brace-in-variable'] },
  { severity: 'Error', name: 'Missing effect', codes: ['missing-effect'] },
  { severity: 'Error', name: 'Missing principal', codes: ['missing-principal'] },
  { severity: 'Error', name: 'Missing qualifier', codes: ['missing-qualifier'] },
  { severity: 'Error', name: 'Missing quote in variable', codes: ['missing-quote-in-variable'] },
  { severity: 'Error', name: 'Missing resource', codes: ['missing-resource'] },
  { severity: 'Error', name: 'Missing statement', codes: ['missing-statement'] },
  { severity: 'Error', name: 'Missing tag key in condition', codes: ['missing-tag-key-in-condition'] },
  { severity: 'Error', name: 'Null with if exists', codes: ['null-with-if-exists'] },
  { severity: 'Error', name: 'Policy size exceeds SCP quota', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'Private IP address', codes: ['private-ip-address'] },
  { severity: 'Error', name: 'Private NotIpAddress', codes: ['private-not-ip-address'] },
  {
    severity: 'Error',
    name: 'Role trust policy syntax error notprincipal',
    codes: ['role-trust-policy-syntax-error-notprincipal'],
  },
  {
    severity: 'Error',
    name: 'Role trust policy syntax error resource',
    codes: ['role-trust-policy-syntax-error-resource'],
  },
  {
    severity: 'Error',
    name: 'Role trust policy unsupported wildcard in principal',
    codes: ['role-trust-policy-unsupported-wildcard-in-principal'],
  },
  { severity: 'Error', name: 'SCP syntax error NotResource', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'SCP syntax error action wildcard', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'SCP syntax error allow NotAction', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'SCP syntax error allow condition', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'SCP syntax error allow resource', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'SCP syntax error principal', notApplicable: SCP_ONLY },
  { severity: 'Error', name: 'Unique Sids required', codes: ['unique-sids-required'] },
  { severity: 'Error', name: 'Unsupported Sid', codes: ['unsupported-sid'] },
  {
    severity: 'Error',
    name: 'Unsupported action for condition key',
    codes: ['unsupported-action-for-condition-key'],
  },
  { severity: 'Error', name: 'Unsupported action in policy', codes: ['unsupported-action-in-policy'] },
  {
    severity: 'Error',
    name: 'Unsupported condition key for service principal',
    codes: ['unsupported-condition-key-for-service-principal'],
  },
  { severity: 'Error', name: 'Unsupported element combination', codes: ['unsupported-element-combination'] },
  {
    severity: 'Error',
    name: 'Unsupported global condition key',
    codes: ['unsupported-global-condition-key'],
  },
  { severity: 'Error', name: 'Unsupported principal', codes: ['unsupported-principal'] },
  { severity: 'Error', name: 'Unsupported resource ARN in policy', codes: ['unsupported-resource-arn'] },
  { severity: 'Error', name: 'Unsupported space in variable', codes: ['unsupported-space-in-variable'] },
  {
    severity: 'Error',
    name: 'Unsupported wildcard in principal',
    codes: ['unsupported-wildcard-in-principal'],
  },
  { severity: 'Error', name: 'Variable unsupported in element', codes: ['variable-unsupported-in-element'] },
  { severity: 'Error', name: 'Variable unsupported in version', codes: ['variable-unsupported-in-version'] },
  {
    severity: 'General Warning',
    name: 'Create SLR with NotAction and NotResource',
    codes: ['create-slr-with-not-action-and-not-resource'],
  },
  {
    severity: 'General Warning',
    name: 'Create SLR with NotResource',
    codes: ['create-slr-with-not-resource'],
  },
  {
    severity: 'General Warning',
    name: 'Create SLR with star in action and NotResource',
    codes: ['create-slr-with-star-in-action-and-not-resource'],
  },
  {
    severity: 'General Warning',
    name: 'Create SLR with star in action and resource',
    codes: ['create-slr-with-star-in-action-and-resource'],
  },
  {
    severity: 'General Warning',
    name: 'Create SLR with star in resource',
    codes: ['create-slr-with-star-in-resource'],
  },
  {
    severity: 'General Warning',
    name: 'Create SLR with star in resource and NotAction',
    codes: ['create-slr-with-star-in-resource-and-not-action'],
  },
  {
    severity: 'General Warning',
    name: 'Deprecated global condition key',
    notApplicable:
      'The IAM data marks no global condition key as deprecated. The one key AWS names for this check, aws:ARN, is reported as the error unsupported-global-condition-key, as Access Analyzer\'s "Unsupported global condition key" check does.',
  },
  { severity: 'General Warning', name: 'Invalid date value', codes: ['invalid-date-value'] },
  { severity: 'General Warning', name: 'Invalid role reference', codes: ['invalid-role-reference'] },
  { severity: 'General Warning', name: 'Invalid user reference', codes: ['invalid-user-reference'] },
  { severity: 'General Warning', name: 'Missing version', codes: ['missing-version'] },
  {
    severity: 'General Warning',
    name: 'Policy size exceeds identity policy quota',
    codes: ['policy-size-exceeds-identity-policy-quota'],
  },
  {
    severity: 'General Warning',
    name: 'Policy size exceeds resource policy quota',
    notApplicable: RESOURCE_POLICY_ONLY,
  },
  {
    severity: 'General Warning',
    name: 'Policy size exceeds role trust policy quota',
    codes: ['policy-size-exceeds-role-trust-policy-quota'],
  },
  {
    severity: 'General Warning',
    name: 'Specific github repo and branch recommended',
    codes: ['specific-github-repo-and-branch-recommended'],
  },
  { severity: 'General Warning', name: 'Type mismatch', codes: ['type-mismatch'] },
  { severity: 'General Warning', name: 'Type mismatch Boolean', codes: ['type-mismatch-boolean'] },
  { severity: 'General Warning', name: 'Type mismatch IP range', codes: ['type-mismatch-ip-range'] },
  { severity: 'General Warning', name: 'Type mismatch date', codes: ['type-mismatch-date'] },
  { severity: 'General Warning', name: 'Type mismatch number', codes: ['type-mismatch-number'] },
  { severity: 'General Warning', name: 'Type mismatch string', codes: ['type-mismatch-string'] },
  { severity: 'General Warning', name: 'Unique Sids recommended', codes: ['unique-sids-recommended'] },
  {
    severity: 'General Warning',
    name: 'Wildcard without like operator',
    codes: ['wildcard-without-like-operator'],
  },
  { severity: 'Security Warning', name: 'Allow with NotPrincipal', codes: ['allow-with-not-principal'] },
  {
    severity: 'Security Warning',
    name: 'Deny NotAction with unsupported tag condition key for service',
    codes: ['deny-notaction-with-unsupported-tag-condition-key-for-service'],
  },
  {
    severity: 'Security Warning',
    name: 'Deny with unsupported tag condition key for service',
    codes: ['deny-with-unsupported-tag-condition-key-for-service'],
  },
  {
    severity: 'Security Warning',
    name: 'ForAllValues with single valued key',
    codes: ['forallvalues-with-single-valued-key'],
  },
  {
    severity: 'Security Warning',
    name: 'Missing condition key for oidc principal',
    codes: ['missing-condition-key-for-oidc-principal'],
  },
  {
    severity: 'Security Warning',
    name: 'Missing github repo condition key',
    codes: ['missing-github-repo-condition-key'],
  },
  {
    severity: 'Security Warning',
    name: 'Missing paired condition keys',
    codes: ['missing-paired-condition-keys'],
  },
  {
    severity: 'Security Warning',
    name: 'Pass role with NotAction and NotResource',
    codes: ['pass-role-with-not-action-and-not-resource'],
  },
  {
    severity: 'Security Warning',
    name: 'Pass role with NotResource',
    codes: ['pass-role-with-not-resource'],
  },
  {
    severity: 'Security Warning',
    name: 'Pass role with star in action and NotResource',
    codes: ['pass-role-with-star-in-action-and-not-resource'],
  },
  {
    severity: 'Security Warning',
    name: 'Pass role with star in action and resource',
    codes: ['pass-role-with-star-in-action-and-resource'],
  },
  {
    severity: 'Security Warning',
    name: 'Pass role with star in resource',
    codes: ['pass-role-with-star-in-resource'],
  },
  {
    severity: 'Security Warning',
    name: 'Pass role with star in resource and NotAction',
    codes: ['pass-role-with-star-in-resource-and-not-action'],
  },
  {
    severity: 'Security Warning',
    name: 'Restrict access to service principal',
    codes: ['restrict-access-to-service-principal'],
  },
  {
    severity: 'Suggestion',
    name: 'Allow NotAction with unsupported tag condition key for service',
    codes: ['allow-notaction-with-unsupported-tag-condition-key-for-service'],
  },
  {
    severity: 'Suggestion',
    name: 'Allow with unsupported tag condition key for service',
    codes: ['allow-with-unsupported-tag-condition-key-for-service'],
  },
  { severity: 'Suggestion', name: 'Confirm audience claim type', codes: ['confirm-audience-claim-type'] },
  { severity: 'Suggestion', name: 'Empty Sid value', codes: ['empty-sid-value'] },
  {
    severity: 'Suggestion',
    name: 'Empty array action',
    notApplicable:
      'IAM rejects a statement whose Action is an empty array ("Policy statement must contain actions."), so an empty Action (or NotAction) array is reported as the error missing-action, as "Missing action" is.',
  },
  { severity: 'Suggestion', name: 'Empty array condition', codes: ['empty-array-condition'] },
  {
    severity: 'Suggestion',
    name: 'Empty array condition ForAllValues',
    codes: ['empty-array-condition-forallvalues'],
  },
  {
    severity: 'Suggestion',
    name: 'Empty array condition ForAnyValue',
    codes: ['empty-array-condition-foranyvalue'],
  },
  {
    severity: 'Suggestion',
    name: 'Empty array condition IfExists',
    codes: ['empty-array-condition-ifexists'],
  },
  { severity: 'Suggestion', name: 'Empty array principal', codes: ['empty-array-principal'] },
  {
    severity: 'Suggestion',
    name: 'Empty array resource',
    notApplicable:
      'IAM rejects a statement whose Resource is an empty array, so an empty Resource (or NotResource) array is reported as the error missing-resource, as "Missing resource" is.',
  },
  { severity: 'Suggestion', name: 'Empty object condition', codes: ['empty-object-condition'] },
  { severity: 'Suggestion', name: 'Empty object principal', codes: ['empty-object-principal'] },
  { severity: 'Suggestion', name: 'Improve IP range', codes: ['improve-ip-range'] },
  { severity: 'Suggestion', name: 'Irrelevant condition key in policy', notApplicable: RESOURCE_POLICY_ONLY },
  { severity: 'Suggestion', name: 'Null with qualifier', codes: ['null-with-qualifier'] },
  { severity: 'Suggestion', name: 'Private IP address subset', codes: ['private-ip-address-subset'] },
  { severity: 'Suggestion', name: 'Private NotIpAddress subset', codes: ['private-not-ip-address-subset'] },
  {
    severity: 'Suggestion',
    name: 'Recommended condition key for service principal',
    codes: ['recommended-condition-key-for-service-principal'],
  },
  { severity: 'Suggestion', name: 'Redundant action', codes: ['redundant-action'] },
  { severity: 'Suggestion', name: 'Redundant condition value num', codes: ['redundant-condition-value-num'] },
  {
    severity: 'Suggestion',
    name: 'Redundant principal in role trust policy',
    codes: ['redundant-principal-in-role-trust-policy'],
  },
  { severity: 'Suggestion', name: 'Redundant resource', codes: ['redundant-resource'] },
  { severity: 'Suggestion', name: 'Redundant statement', codes: ['redundant-statement'] },
  { severity: 'Suggestion', name: 'Wildcard in service name', codes: ['wildcard-in-service-name'] },
];
