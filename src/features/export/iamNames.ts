/**
 * The names the export dialog asks for (CreatePolicy, AttachUserPolicy, ...), checked with IAM's
 * limits from src/policy/iamLimits; null when the value is fine.
 */
import {
  descriptionProblem as iamDescriptionProblem,
  entityNameProblem,
  pathProblem,
  policyNameProblem as iamPolicyNameProblem,
} from '../../policy/iamLimits';

export function policyNameProblem(name: string): string | null {
  return iamPolicyNameProblem(name) ?? null;
}

/** Empty means "/". */
export function policyPathProblem(path: string): string | null {
  if (path.length === 0) return null;
  return pathProblem(path) ?? null;
}

export function descriptionProblem(description: string): string | null {
  return iamDescriptionProblem(description) ?? null;
}

export type TargetKind = 'user' | 'group' | 'role';

export function targetNameProblem(kind: TargetKind, name: string): string | null {
  const problem = entityNameProblem(kind, name);
  return problem ? `${kind} ${name}: ${problem}` : null;
}
