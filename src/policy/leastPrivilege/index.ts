/**
 * The least-privilege checks as findings (for analyze() and the command line) and as fixes (for
 * the editor): missing dependent actions, condition keys that apply to only some actions, and
 * tighten suggestions. Pure.
 */
import type { CatalogView } from '../../catalog/catalog';
import { dependencySourceFor } from '../../catalog/dependentActions';
import { getMember, isJsonObject } from '../json';
import type { Finding, JsonObject, JsonValue, PolicyModel } from '../model';
import { splitByKey, partialConditionKeys } from './applicability';
import { LEAST_PRIVILEGE_CHECKS, type LeastPrivilegeCode } from './checks';
import {
  dependencyStatements,
  missingDependencies,
  passedToServices,
  suggestedRoleArn,
} from './dependencies';
import { tightenSuggestions } from './tighten';

export { LEAST_PRIVILEGE_CHECKS } from './checks';

/** A change to the Statement array: statement `index` replaced by `statements` (in order). */
export interface LeastPrivilegeFix {
  readonly label: string;
  readonly index: number;
  readonly statements: readonly JsonObject[];
  /** for iam:PassRole: the fix needs role ARNs; `roleArnHint` is where to start */
  readonly needsRoleArn?: { readonly neededBy: readonly string[]; readonly roleArnHint: string };
}

export interface LeastPrivilegeFinding extends Finding {
  readonly code: LeastPrivilegeCode;
  readonly fix?: LeastPrivilegeFix;
}

function finding(
  code: LeastPrivilegeCode,
  pointer: string,
  message: string,
  fix?: LeastPrivilegeFix,
): LeastPrivilegeFinding {
  return { severity: LEAST_PRIVILEGE_CHECKS[code].severity, code, pointer, message, ...(fix ? { fix } : {}) };
}

function examples(names: readonly string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

export function leastPrivilegeFindings(
  model: PolicyModel,
  catalog: CatalogView,
  kind?: string,
): LeastPrivilegeFinding[] {
  if (kind === 'trust') return [];
  const out: LeastPrivilegeFinding[] = [];
  for (const entry of missingDependencies(model, catalog)) {
    const { statement } = entry;
    const pointer = `${statement.pointer}/Action`;
    for (const missing of entry.missing) {
      if (missing.dependency.toLowerCase() === 'iam:passrole') {
        const principals = passedToServices(missing.neededBy);
        const source = dependencySourceFor(missing.neededBy[0] ?? '');
        out.push(
          finding(
            'missing-pass-role',
            pointer,
            `${examples(missing.neededBy)} pass${missing.neededBy.length === 1 ? 'es' : ''} a role and need${missing.neededBy.length === 1 ? 's' : ''} iam:PassRole, which this policy does not allow${source ? ` (${source.title.split(':')[0]}, read ${source.read})` : ''}. Add iam:PassRole on the role ARNs${principals && principals.length > 0 ? ` with iam:PassedToService ${principals.join(', ')}` : ''}.`,
            {
              label: 'Add iam:PassRole',
              index: statement.index,
              statements: [statement.raw],
              needsRoleArn: { neededBy: missing.neededBy, roleArnHint: suggestedRoleArn(statement) },
            },
          ),
        );
      }
    }
    const others = entry.missing.filter((m) => m.dependency.toLowerCase() !== 'iam:passrole');
    if (others.length > 0) {
      const added = dependencyStatements({ statement, missing: others }, catalog);
      out.push(
        finding(
          'missing-dependent-action',
          pointer,
          `${others
            .slice(0, 3)
            .map(
              (m) => `${examples(m.neededBy)} also need${m.neededBy.length === 1 ? 's' : ''} ${m.dependency}`,
            )
            .join(
              '; ',
            )}${others.length > 3 ? `; and ${others.length - 3} more dependencies` : ''}, which this policy does not allow (Service Authorization Reference, dependent actions).`,
          {
            label: 'Add the dependent actions',
            index: statement.index,
            statements: [statement.raw, ...added],
          },
        ),
      );
    }
  }
  for (const partial of partialConditionKeys(model, catalog)) {
    const { kept, moved } = splitByKey(partial, catalog);
    const ifExists = partial.condition.operator.toLowerCase().endsWith('ifexists');
    out.push(
      finding(
        'condition-key-applies-to-some-actions',
        partial.condition.pointer,
        `${partial.condition.key} applies to ${examples(partial.supported)} but not to ${examples(partial.unsupported)}: for ${partial.unsupported.length === 1 ? 'that action' : 'those'} the condition ${ifExists ? 'matches without testing anything (IfExists)' : `never matches, so this statement never allows ${partial.unsupported.length === 1 ? 'it' : 'them'}`}. Move ${partial.unsupported.length === 1 ? 'it' : 'them'} to a block of their own.`,
        { label: 'Move them to their own block', index: partial.statement.index, statements: [kept, moved] },
      ),
    );
  }
  for (const suggestion of tightenSuggestions(model, catalog)) {
    const code = `tighten-${suggestion.kind}` as LeastPrivilegeCode;
    out.push(
      finding(
        code,
        suggestion.pointer,
        suggestion.message,
        suggestion.replacement
          ? {
              label: suggestion.fixLabel ?? 'Tighten',
              index: suggestion.statement.index,
              statements: suggestion.replacement,
            }
          : undefined,
      ),
    );
  }
  return out;
}

/** Findings without their fixes, as analyze() reports them. */
export function plainFindings(findings: readonly LeastPrivilegeFinding[]): Finding[] {
  return findings.map(({ severity, code, message, pointer }) => ({ severity, code, message, pointer }));
}

/**
 * Applies a fix to a document: statement `fix.index` replaced by `fix.statements`, plus (for
 * iam:PassRole) a statement passing `roleArns`. Unchanged when the document has no such statement.
 */
export function applyLeastPrivilegeFix(
  document: JsonValue,
  fix: LeastPrivilegeFix,
  extra: readonly JsonObject[] = [],
): JsonValue {
  if (!isJsonObject(document)) return document;
  const current = getMember(document, 'Statement');
  const list: JsonValue[] = Array.isArray(current)
    ? [...(current as readonly JsonValue[])]
    : isJsonObject(current)
      ? [current]
      : [];
  if (fix.index < 0 || fix.index >= list.length) return document;
  list.splice(fix.index, 1, ...fix.statements, ...extra);
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(document)) out[key] = key === 'Statement' ? list : value;
  return out;
}
