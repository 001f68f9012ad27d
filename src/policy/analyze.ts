/**
 * One analysis of a policy text: parse, size against the kind's quota, validate, and locate every
 * finding in the text. The editor (in its worker), the review step, the trust-policy field, the
 * server and the command line all call this, so they all say the same thing about a document.
 */
import type { CatalogView } from '../catalog/catalog';
import type { Finding, ParseResult, PolicyKind, PolicyModel } from './model';
import { parse } from './parse';
import { policySize, sizeReport, type SizeReport } from './size';
import { leastPrivilegeFindings, plainFindings } from './leastPrivilege';
import { locateFindings, validate } from './validate';

export interface AnalyzeOptions {
  readonly kind: PolicyKind;
  /** a parse result of this very text, to save parsing it again */
  readonly parsed?: ParseResult;
}

export interface PolicyAnalysis {
  readonly text: string;
  readonly kind: PolicyKind;
  readonly parsed: ParseResult;
  /** null when the text is not valid JSON */
  readonly model: PolicyModel | null;
  /** syntax, structure and validation findings, each located in the text where possible */
  readonly findings: readonly Finding[];
  /** the size as IAM counts it and the kind's quota */
  readonly size: SizeReport;
  /** the lower-cased service prefixes the actions name (to load their details) */
  readonly services: readonly string[];
  readonly errorCount: number;
}

/**
 * The service prefixes named by a model's Action and NotAction items and condition keys (no
 * wildcard prefixes): their catalog details are loaded before validating.
 */
export function servicesOf(model: PolicyModel | null): string[] {
  const prefixes = new Set<string>();
  const add = (name: string) => {
    const colon = name.indexOf(':');
    if (colon <= 0) return;
    const prefix = name.slice(0, colon).toLowerCase();
    if (!prefix.includes('*') && !prefix.includes('?') && prefix !== 'aws') prefixes.add(prefix);
  };
  for (const statement of model?.statements ?? []) {
    for (const list of [statement.action, statement.notAction]) for (const action of list?.values ?? []) add(action);
    for (const condition of statement.conditions) add(condition.key);
  }
  return [...prefixes];
}

export function analyze(text: string, catalog: CatalogView, options: AnalyzeOptions): PolicyAnalysis {
  const parsed = options.parsed ?? parse(text);
  const sizeChars = policySize(text);
  const findings: Finding[] = [...parsed.findings];
  if (parsed.model) {
    const validated = validate(parsed.model, catalog, { kind: options.kind, sizeChars, text });
    findings.push(...locateFindings(validated, parsed.locate, parsed.locateKey));
    const leastPrivilege = plainFindings(leastPrivilegeFindings(parsed.model, catalog, options.kind));
    findings.push(...locateFindings(leastPrivilege, parsed.locate, parsed.locateKey));
  }
  return {
    text,
    kind: options.kind,
    parsed,
    model: parsed.model,
    findings,
    size: sizeReport(sizeChars, options.kind),
    services: servicesOf(parsed.model),
    errorCount: findings.filter((f) => f.severity === 'error').length,
  };
}
