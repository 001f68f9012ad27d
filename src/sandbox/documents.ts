/**
 * Policy document checks as IAM makes them on CreatePolicy, CreatePolicyVersion and CreateRole.
 *
 * The grammar is our core's: `parse` + `validate` from src/policy. IAM rejects a document only
 * for some of the validator's *error* findings; those are listed in IAM_ENFORCED below, each with
 * the MalformedPolicyDocument message IAM gives. Every other finding (unknown actions and
 * services, ARN fields the catalog does not know, condition key and type checks, policy variables,
 * security warnings, suggestions) is accepted, as IAM accepts it. The size quota is checked
 * separately (LimitExceeded), with whitespace outside strings not counted. See README.md.
 */
import type { CatalogView } from '../catalog/catalog';
import { getMember, isJsonObject } from '../policy/json';
import type { Finding, JsonValue } from '../policy/model';
import { parse } from '../policy/parse';
import { parsePointer } from '../policy/pointer';
import { policySize } from '../policy/size';
import { validate } from '../policy/validate';
import { IamError, validationError, missingParameter } from './errors';

/** Which rules apply: identity (managed) policies or role trust policies. */
export type DocumentKind = 'managed' | 'trust';

/** IAM's character quotas (default quotas, whitespace outside strings not counted). */
export const DOCUMENT_QUOTAS: Readonly<
  Record<DocumentKind, { readonly size: number; readonly quotaName: string }>
> = {
  managed: { size: 6144, quotaName: 'PolicySize' },
  trust: { size: 2048, quotaName: 'ACLSizePerRole' },
};

/** The request parameter's own constraint (policyDocumentType in IAM's model): [\u0009\u000A\u000D\u0020-\u00FF]+ */
function isDocumentText(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xff))) return false;
  }
  return true;
}
const DOCUMENT_MAX_LENGTH = 131072;

type Applies = 'both' | 'identity' | 'trust';

interface Enforced {
  readonly applies: Applies;
  /** when present, IAM rejects only the values for which it is true */
  readonly when?: (value: JsonValue | undefined) => boolean;
  /** IAM's MalformedPolicyDocument message for the finding */
  readonly message: (context: { readonly finding: Finding; readonly value: JsonValue | undefined }) => string;
}

const SYNTAX = (): string => 'Syntax errors in policy.';
const VENDOR = (): string => 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
const NOT_ARN = ({ value }: { value: JsonValue | undefined }): string =>
  `Resource ${typeof value === 'string' ? value : JSON.stringify(value)} must be in ARN format or "*".`;

/**
 * The validator and parser findings IAM itself rejects, with IAM's message. The table in
 * README.md lists the same codes; rules.test.ts checks both against the validator's fixtures.
 */
export const IAM_ENFORCED: Readonly<Record<string, Enforced>> = {
  // parse.ts
  'json-syntax': { applies: 'both', message: SYNTAX },
  'json-too-deep': { applies: 'both', message: SYNTAX },
  'duplicate-key': { applies: 'both', message: SYNTAX },
  'duplicate-key-case': { applies: 'both', message: SYNTAX },
  // document structure
  'data-type-mismatch': { applies: 'both', message: SYNTAX },
  'invalid-version': { applies: 'both', message: () => 'The policy failed legacy parsing' },
  'missing-statement': { applies: 'both', message: SYNTAX },
  'invalid-policy-element': { applies: 'both', message: SYNTAX },
  'missing-effect': { applies: 'both', message: () => 'Missing required field Effect' },
  'invalid-effect': {
    applies: 'both',
    message: ({ value }) => `Invalid effect: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  },
  'missing-action': { applies: 'both', message: () => 'Policy statement must contain actions.' },
  'missing-resource': { applies: 'identity', message: () => 'Policy statement must contain resources.' },
  'unsupported-element-combination': { applies: 'both', message: SYNTAX },
  'unsupported-sid': {
    applies: 'identity',
    message: () =>
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  },
  'unique-sids-required': {
    applies: 'identity',
    message: () => 'Statement IDs (SID) in a single policy must be unique.',
  },
  'unsupported-principal': {
    applies: 'identity',
    message: () => 'Policy document should not specify a principal.',
  },
  'federated-principal-not-supported': {
    applies: 'identity',
    message: () => 'Policy document should not specify a principal.',
  },
  // actions and resources: the shape only (IAM accepts unknown services and actions)
  'invalid-action-format': { applies: 'both', message: VENDOR },
  'invalid-arn-prefix': { applies: 'identity', message: NOT_ARN },
  // Only ARNs with fewer than six fields: IAM accepted AWS's own "arn:aws:organizations::*:"
  // (an empty resource part), which the validator also reports as missing-arn-field.
  'missing-arn-field': {
    applies: 'identity',
    message: NOT_ARN,
    when: (value) => typeof value === 'string' && value.split(':').length < 6,
  },
  'invalid-partition': {
    applies: 'identity',
    message: ({ value }) => {
      const text = typeof value === 'string' ? value : '';
      return `Partition "${text.split(':')[1] ?? ''}" is not valid for resource "${text}".`;
    },
  },
  // conditions: the operator and the key's shape
  'invalid-condition-operator': {
    applies: 'both',
    message: ({ finding }) => `Invalid Condition type : ${lastSegment(finding.pointer)}`,
  },
  'null-with-if-exists': {
    applies: 'both',
    message: ({ finding }) => `Invalid Condition type : ${lastSegment(finding.pointer)}`,
  },
  'invalid-condition-key-format': { applies: 'both', message: VENDOR },
  // role trust policies
  'missing-principal': { applies: 'trust', message: () => 'Missing required field Principal' },
  'role-trust-policy-syntax-error-resource': {
    applies: 'trust',
    message: ({ finding }) => `Has prohibited field ${lastSegment(finding.pointer)}`,
  },
  'role-trust-policy-syntax-error-notprincipal': {
    applies: 'trust',
    message: () => 'Has prohibited field NotPrincipal',
  },
  'invalid-principal-format': {
    applies: 'trust',
    message: ({ finding, value }) => invalidPrincipal(finding, value),
  },
  'invalid-principal-key': {
    applies: 'trust',
    message: ({ finding, value }) => invalidPrincipal(finding, value),
  },
  'unsupported-wildcard-in-principal': {
    applies: 'trust',
    message: ({ finding, value }) => invalidPrincipal(finding, value),
  },
  'invalid-service-principal-format': {
    applies: 'trust',
    message: ({ finding, value }) => invalidPrincipal(finding, value),
  },
  'invalid-federated-principal-syntax-in-role-trust-policy': {
    applies: 'trust',
    message: ({ finding, value }) => invalidPrincipal(finding, value),
  },
};

/** True when IAM rejects a document of `kind` that has a finding with this code. */
export function isEnforced(code: string, kind: DocumentKind): boolean {
  const rule = Object.hasOwn(IAM_ENFORCED, code) ? IAM_ENFORCED[code] : undefined;
  if (!rule) return false;
  return rule.applies === 'both' || (rule.applies === 'trust') === (kind === 'trust');
}

function lastSegment(pointer: string): string {
  const segments = parsePointer(pointer) ?? [];
  return segments[segments.length - 1] ?? '';
}

/** `Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:group/admins"`, as IAM words it. */
function invalidPrincipal(finding: Finding, value: JsonValue | undefined): string {
  const segments = parsePointer(finding.pointer) ?? [];
  const at = segments.indexOf('Principal');
  const key = at >= 0 ? segments[at + 1] : undefined;
  const shown = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  if (key === undefined) return `Invalid principal in policy: ${JSON.stringify(shown)}`;
  const name = key === 'AWS' ? 'AWS' : key.toUpperCase();
  return typeof value === 'string'
    ? `Invalid principal in policy: "${name}":"${shown}"`
    : `Invalid principal in policy: "${name}":${shown}`;
}

function valueAt(document: JsonValue, pointer: string): JsonValue | undefined {
  let current: JsonValue | undefined = document;
  for (const segment of parsePointer(pointer) ?? []) {
    if (Array.isArray(current)) current = (current as readonly JsonValue[])[Number(segment)];
    else if (isJsonObject(current)) current = getMember(current, segment);
    else return undefined;
  }
  return current;
}

/** The outcome of checking one document: null when IAM accepts it. */
export interface DocumentRejection {
  readonly error: IamError;
  /** the finding that decided it (absent for parameter and size errors) */
  readonly finding?: Finding;
}

/**
 * Checks a policy document as IAM does: the request parameter's constraint (ValidationError),
 * the size quota (LimitExceeded), then the grammar (MalformedPolicyDocument). Returns null when
 * IAM would accept the document.
 */
export function checkDocument(
  text: string | undefined,
  kind: DocumentKind,
  catalog: CatalogView,
  field: string = kind === 'trust' ? 'assumeRolePolicyDocument' : 'policyDocument',
): DocumentRejection | null {
  if (text === undefined) return { error: missingParameter(field) };
  if (text.length > DOCUMENT_MAX_LENGTH) {
    return {
      error: validationError(
        field,
        '…',
        `Member must have length less than or equal to ${DOCUMENT_MAX_LENGTH}`,
      ),
    };
  }
  if (!isDocumentText(text)) {
    return {
      error: validationError(
        field,
        text.length > 60 ? `${text.slice(0, 60)}…` : text,
        'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+',
      ),
    };
  }
  const quota = DOCUMENT_QUOTAS[kind];
  if (policySize(text) > quota.size) {
    return {
      error: new IamError('LimitExceeded', `Cannot exceed quota for ${quota.quotaName}: ${quota.size}`),
    };
  }
  const parsed = parse(text);
  const findings: Finding[] = [...parsed.findings];
  if (parsed.model) findings.push(...validate(parsed.model, catalog, { kind }));
  for (const finding of findings) {
    if (!isEnforced(finding.code, kind)) continue;
    const rule = IAM_ENFORCED[finding.code];
    const value = parsed.model ? valueAt(parsed.model.document, finding.pointer) : undefined;
    if (rule?.when && !rule.when(value)) continue;
    const message = rule ? rule.message({ finding, value }) : 'Syntax errors in policy.';
    return { error: new IamError('MalformedPolicyDocument', message), finding };
  }
  return null;
}
