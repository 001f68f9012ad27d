/**
 * The policy validator: PolicyModel + CatalogView -> findings.
 *
 * It covers IAM Access Analyzer's checks for identity policies (kind "managed" and "inline-*")
 * and role trust policies (kind "trust") that can be decided offline; checks.ts lists every code,
 * its severity, and how the codes map to Access Analyzer's checks. JSON syntax and duplicate keys
 * are parse.ts's findings and are not repeated here.
 *
 * Pure and synchronous. It never throws, and it uses only the catalog data that is loaded: checks
 * that need a service's detail file are skipped for services whose detail is not loaded yet.
 * Per-catalog structures are built once and cached (see validate/catalogIndex.ts).
 */
import type { CatalogView } from '../catalog/catalog';
import { CHECKS, isCheckCode } from './checks';
import type { Finding, PolicyModel, SourceRange } from './model';
import { checkActions } from './validate/actions';
import { checkConditions } from './validate/conditions';
import { Validation } from './validate/context';
import type { StatementContext, ValidateOptions } from './validate/context';
import { checkPrincipals } from './validate/principals';
import {
  PatternSets,
  checkRedundantActions,
  checkRedundantResources,
  checkRedundantStatements,
} from './validate/redundancy';
import { checkResources } from './validate/resources';
import { checkBroadGrants } from './validate/security';
import { checkCharacters, checkDocument, checkSize, checkStatements } from './validate/structure';
import { checkVariables } from './validate/variables';

export type { ValidateOptions } from './validate/context';
export { CHECKS } from './checks';

const SEVERITY_ORDER: Readonly<Record<Finding['severity'], number>> = {
  error: 0,
  security: 1,
  warning: 2,
  suggestion: 3,
};

function internalError(v: Validation, where: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  v.report(
    'validator-internal-error',
    where,
    `The validator failed on this part of the policy (${detail}), so some checks were skipped here. The policy may still be valid; please report this.`,
  );
}

function guarded(v: Validation, where: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    internalError(v, where, error);
  }
}

/**
 * Validates a policy. Findings come in document order of their pointers' statements, errors
 * first within the same place; each has a stable code (see checks.ts) and a JSON pointer.
 */
export function validate(model: PolicyModel, catalog: CatalogView, options: ValidateOptions): Finding[] {
  let v: Validation;
  try {
    v = new Validation(model, catalog, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [
      {
        severity: CHECKS['validator-internal-error'].severity,
        code: 'validator-internal-error',
        message: `The validator could not start (${detail}); no checks were run.`,
        pointer: '',
      },
    ];
  }
  guarded(v, '', () => checkCharacters(v));
  guarded(v, '', () => {
    const proceed = checkDocument(v);
    checkSize(v);
    if (!proceed && model.statements.length === 0) return;
    checkStatements(v);
  });
  const sets = new PatternSets();
  const perStatement: ((v: Validation, statement: StatementContext) => void)[] = [
    checkActions,
    checkResources,
    checkPrincipals,
    checkConditions,
    checkBroadGrants,
    (validation, statement) => {
      checkRedundantActions(validation, statement, sets);
      checkRedundantResources(validation, statement.resource, sets);
      checkRedundantResources(validation, statement.notResource, sets);
    },
  ];
  for (const statement of v.statements) {
    for (const check of perStatement) guarded(v, statement.pointer, () => check(v, statement));
  }
  guarded(v, '', () => checkVariables(v));
  guarded(v, '', () => checkRedundantStatements(v, sets));
  return sortFindings(v.findings);
}

function statementOrder(pointer: string): number {
  const match = /^\/Statement(?:\/(\d+))?/.exec(pointer);
  if (!match) return -1;
  return match[1] === undefined ? 0 : Number(match[1]);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, order) => ({ finding, order, statement: statementOrder(finding.pointer) }))
    .sort(
      (a, b) =>
        a.statement - b.statement ||
        SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
        a.order - b.order,
    )
    .map((entry) => entry.finding);
}

/** Codes whose finding is about a member's key rather than its value (they highlight the key). */
const KEY_CODES = new Set<string>([
  'invalid-policy-element',
  'invalid-condition-operator',
  'null-with-if-exists',
  'null-with-qualifier',
  'forallvalues-with-single-valued-key',
  'missing-qualifier',
  'type-mismatch',
  'confirm-audience-claim-type',
  'invalid-condition-key-format',
  'invalid-global-condition-key',
  'unsupported-global-condition-key',
  'invalid-service-condition-key',
  'missing-tag-key-in-condition',
  'unsupported-action-for-condition-key',
  'missing-action-for-condition-key',
  'invalid-principal-key',
  'unsupported-principal',
  'role-trust-policy-syntax-error-notprincipal',
  'role-trust-policy-syntax-error-resource',
  'unsupported-element-combination',
]);

/**
 * Fills each finding's `range` from a parse result's locate functions. For findings about a key
 * (an unknown element, a condition operator or key) the key's range is used when `locateKey` is
 * given; otherwise the value's. Findings that already have a range keep it.
 */
export function locateFindings(
  findings: readonly Finding[],
  locate: (pointer: string) => SourceRange | undefined,
  locateKey?: (pointer: string) => SourceRange | undefined,
): Finding[] {
  return findings.map((finding) => {
    if (finding.range) return finding;
    let range: SourceRange | undefined;
    try {
      if (locateKey && isCheckCode(finding.code) && KEY_CODES.has(finding.code))
        range = locateKey(finding.pointer);
      range ??= locate(finding.pointer);
    } catch {
      range = undefined;
    }
    return range ? { ...finding, range } : finding;
  });
}
