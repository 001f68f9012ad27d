/**
 * Identifiers derived from a policy name for the target formats: CloudFormation logical IDs and
 * CDK class names (PascalCase, A-Za-z0-9), Terraform resource names (snake_case) and file names.
 */

/** The words of a name: split at anything not a letter or digit and at camelCase boundaries. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

/**
 * PascalCase, letters and digits only; words already capitalised keep their inner case
 * ("EcsReadOnlyWithMFA" stays as it is). `fallback` when nothing is left, and before a leading
 * digit (so the result is also a valid class name).
 */
export function pascalCase(name: string, fallback: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((part) => part.length > 0);
  const result = parts.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
  if (result.length === 0) return fallback;
  return /^[0-9]/.test(result) ? fallback + result : result;
}

/** snake_case for Terraform names; starts with a letter (prefix `prefix_` otherwise). */
export function snakeCase(name: string, prefix: string): string {
  const result = wordsOf(name)
    .map((word) => word.toLowerCase())
    .join('_');
  if (result.length === 0) return prefix;
  return /^[a-z]/.test(result) ? result : `${prefix}_${result}`;
}

/** kebab-case for file names; `fallback` when nothing is left. */
export function kebabCase(name: string, fallback: string): string {
  const result = wordsOf(name)
    .map((word) => word.toLowerCase())
    .join('-');
  return result.length > 0 ? result : fallback;
}

/** A file-name-safe version of an IAM name (IAM allows [\w+=,.@-]; anything else becomes "-"). */
export function fileBaseName(name: string, fallback = 'policy'): string {
  const result = name.replace(/[^\w+=,.@-]+/g, '-').replace(/^[.-]+/, '');
  return result.length > 0 ? result : fallback;
}

/** Makes names unique by appending 2, 3, ... to repeats (compared case-insensitively). */
export class UniqueNames {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name.toLowerCase());
  }

  take(name: string, separator = ''): string {
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${name}${separator}${n}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
