/**
 * Policy document checks as IAM makes them when it stores a document: the request parameter's
 * own constraint (ValidationError), the size quota (LimitExceeded), then the policy grammar
 * (MalformedPolicyDocument, grammar.ts).
 *
 * This is an independent copy of IAM's rules on purpose: the sandbox stands in for IAM and must
 * catch the validator's mistakes. Do not import src/policy/validate. conformance.test.ts runs the
 * same documents through these checks and through the validator and reports every disagreement.
 */
import type { CatalogView } from '../catalog/catalog';
import { IamError, validationError, missingParameter } from './errors';
import { checkPolicyGrammar, iamPolicySize } from './grammar';
import type { GrammarOptions, GrammarRejection } from './grammar';

/**
 * Which rules apply: managed (customer managed policies), inline (Put{User,Group,Role}Policy: the
 * quota is the principal's aggregate, checked by the state) or trust (a role's trust policy).
 */
export type DocumentKind = 'managed' | 'inline' | 'trust';

/** IAM's default character quotas for one document (whitespace outside strings not counted). */
export const DOCUMENT_QUOTAS = {
  managed: { size: 6144, quotaName: 'PolicySize' },
  trust: { size: 2048, quotaName: 'ACLSizePerRole' },
} as const;

/** Aggregate inline policy quotas per principal (IAM and AWS STS quotas). */
export const INLINE_QUOTAS = { user: 2048, group: 5120, role: 10240 } as const;

/** The request parameter's own constraint (policyDocumentType in IAM's model): [\u0009\u000A\u000D\u0020-\u00FF]+ */
export function isDocumentText(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xff))) return false;
  }
  return true;
}
export const DOCUMENT_MAX_LENGTH = 131072;

/** The outcome of checking one document: null when IAM accepts it. */
export interface DocumentRejection {
  readonly error: IamError;
  /** the grammar rule that decided it (absent for parameter and size errors) */
  readonly grammar?: GrammarRejection;
}

/** What the grammar needs from the catalog: STS's action names (for trust policy wildcards). */
export function grammarOptions(catalog: CatalogView | undefined): GrammarOptions {
  const sts = catalog?.service('sts');
  return sts ? { stsActions: sts.actions.map((a) => a.name) } : {};
}

/**
 * Checks a policy document as IAM does: the request parameter's constraint (ValidationError),
 * the size quota (LimitExceeded; not for inline policies, whose quota is per principal), then the
 * grammar (MalformedPolicyDocument). Returns null when IAM would accept the document.
 */
export function checkDocument(
  text: string | undefined,
  kind: DocumentKind,
  options: GrammarOptions = {},
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
  if (kind !== 'inline') {
    const quota = DOCUMENT_QUOTAS[kind];
    if (iamPolicySize(text) > quota.size) {
      return {
        error: new IamError('LimitExceeded', `Cannot exceed quota for ${quota.quotaName}: ${quota.size}`),
      };
    }
  }
  const grammar = checkPolicyGrammar(text, kind === 'trust' ? 'trust' : 'identity', options);
  if (grammar) return { error: new IamError('MalformedPolicyDocument', grammar.message), grammar };
  return null;
}
