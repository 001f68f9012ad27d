/**
 * What an action just added to a statement needs besides itself (its dependent actions the policy
 * does not allow), with the fix of the missing-pass-role / missing-dependent-action finding that
 * adds them, for the offer shown where the action was added. Pure.
 */
import type { CatalogView } from '../../catalog/catalog';
import { leastPrivilegeFindings, type LeastPrivilegeFix } from '../../policy/leastPrivilege';
import { missingDependencies, passedToServices } from '../../policy/leastPrivilege/dependencies';
import type { PolicyModel } from '../../policy/model';

export interface DependencyNeed {
  /** the missing dependencies of the action ("iam:PassRole") */
  readonly dependencies: readonly string[];
  /** true for iam:PassRole: the fix asks for the role ARN */
  readonly passRole: boolean;
  /** the iam:PassedToService principals, when known (PassRole only) */
  readonly principals?: readonly string[];
  readonly fix: LeastPrivilegeFix;
}

/** The needs of `action` ("ecs:RunTask", any case) as statement `index` of `model` holds it. */
export function dependencyNeeds(
  model: PolicyModel,
  catalog: CatalogView,
  index: number,
  action: string,
): DependencyNeed[] {
  const lower = action.toLowerCase();
  const entry = missingDependencies(model, catalog).find((e) => e.statement.index === index);
  const mine = entry?.missing.filter((m) => m.neededBy.some((n) => n.toLowerCase() === lower)) ?? [];
  if (mine.length === 0) return [];
  const findings = leastPrivilegeFindings(model, catalog).filter((f) => f.fix?.index === index);
  const needs: DependencyNeed[] = [];
  const isPassRole = (dependency: string) => dependency.toLowerCase() === 'iam:passrole';
  if (mine.some((m) => isPassRole(m.dependency))) {
    const fix = findings.find((f) => f.code === 'missing-pass-role')?.fix;
    const principals = passedToServices([action]);
    if (fix)
      needs.push({
        dependencies: ['iam:PassRole'],
        passRole: true,
        fix,
        ...(principals ? { principals } : {}),
      });
  }
  const others = mine.filter((m) => !isPassRole(m.dependency)).map((m) => m.dependency);
  const fix = findings.find((f) => f.code === 'missing-dependent-action')?.fix;
  if (others.length > 0 && fix) {
    // the fix adds every missing dependency of the statement: name them all
    const all = (entry?.missing ?? []).filter((m) => !isPassRole(m.dependency)).map((m) => m.dependency);
    needs.push({ dependencies: others, passRole: false, fix: { ...fix, label: `Add ${all.join(', ')}` } });
  }
  return needs;
}
