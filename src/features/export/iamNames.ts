/**
 * IAM's rules for the names the export dialog asks for (CreatePolicy, AttachUserPolicy, ...), as
 * sentences for the UI; null when the value is fine.
 */

const NAME_CHARACTERS = /^[\w+=,.@-]+$/;

export function policyNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a policy name.';
  if (name.length > 128) return `A policy name has at most 128 characters (this one has ${name.length}).`;
  if (!NAME_CHARACTERS.test(name))
    return 'A policy name may hold only letters, digits and + = , . @ _ -';
  return null;
}

/** Empty means "/". */
export function policyPathProblem(path: string): string | null {
  if (path.length === 0 || path === '/') return null;
  if (path.length > 512) return `A path has at most 512 characters (this one has ${path.length}).`;
  if (!/^\/[\u0021-\u007e]+\/$/.test(path))
    return 'A path starts and ends with a slash, e.g. /team/, with no spaces or other special characters.';
  return null;
}

export function descriptionProblem(description: string): string | null {
  if (description.length > 1000)
    return `A description has at most 1,000 characters (this one has ${description.length.toLocaleString('en-US')}).`;
  return null;
}

export type TargetKind = 'user' | 'group' | 'role';

const TARGET_MAX: Readonly<Record<TargetKind, number>> = { user: 64, group: 128, role: 64 };

export function targetNameProblem(kind: TargetKind, name: string): string | null {
  const max = TARGET_MAX[kind];
  if (name.length > max) return `A ${kind} name has at most ${max} characters: ${name}`;
  if (!NAME_CHARACTERS.test(name)) return `A ${kind} name may hold only letters, digits and + = , . @ _ -: ${name}`;
  return null;
}
