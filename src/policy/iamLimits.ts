/**
 * IAM's limits, written once: name and path patterns and lengths per entity, description and tag
 * limits, the size quota per policy kind, attached-policy and version quotas, and the sentences the
 * UI shows when a value breaks them. The zod schemas of the server contract, the forms, the review
 * step and the export names all use this module.
 *
 * The sandbox (src/sandbox) keeps its own copy of these rules on purpose: it stands in for IAM and
 * must catch our mistakes. iamLimits.test.ts compares the two.
 *
 * Sources: IAM User Guide, "IAM and AWS STS quotas" and the IAM API Reference's parameter
 * constraints (CreatePolicy, CreateRole, CreateUser, CreateGroup, TagRole).
 */
import type { PolicyKind } from './model';
import { SIZE_QUOTAS } from './model';

export { SIZE_QUOTAS };

export const NAME_RE = /^[\w+=,.@-]+$/;
export const PATH_RE = /^(\/|\/[\x21-\x7E]+\/)$/;
export const TAG_KEY_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
export const TAG_VALUE_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const SERVICE_PRINCIPAL_RE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
/** IAM's pattern for role descriptions (and policy documents): tab, LF, CR and Latin-1 printable characters */
const LATIN1_RE = /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/;

/** The IAM entities that have names. */
export type EntityKind = 'policy' | 'user' | 'group' | 'role';

/** The longest name IAM takes for each entity. */
export const NAME_MAX: Readonly<Record<EntityKind, number>> = { policy: 128, user: 64, group: 128, role: 64 };

export const POLICY_NAME_MAX = NAME_MAX.policy;
export const ROLE_NAME_MAX = NAME_MAX.role;
export const PATH_MAX = 512;
export const DESCRIPTION_MAX = 1000;
export const TAGS_MAX = 50;
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 256;
export const SESSION_HOURS_MIN = 1;
export const SESSION_HOURS_MAX = 12;
/** a policy document as the API takes it (CreatePolicy's PolicyDocument) */
export const DOCUMENT_MAX = 131_072;

/** Managed policies attached to one user, group or role (IAM's default quota). */
export const ATTACHED_POLICY_QUOTA = 10;
/** Versions IAM keeps of one customer managed policy. */
export const POLICY_VERSION_QUOTA = 5;

/** The policy kinds as the UI names them. */
export const KIND_LABELS: Readonly<Record<PolicyKind, string>> = {
  managed: 'Managed policy',
  'inline-user': 'Inline policy for a user',
  'inline-group': 'Inline policy for a group',
  'inline-role': 'Inline policy for a role',
  trust: 'Role trust policy',
};

/** "a managed policy", … as the subject of a sentence about quotas. */
export const KIND_NOUNS: Readonly<Record<PolicyKind, string>> = {
  managed: 'a managed policy',
  'inline-user': 'the inline policies of a user together',
  'inline-group': 'the inline policies of a group together',
  'inline-role': 'the inline policies of a role together',
  trust: 'a role trust policy',
};

function describeChars(chars: Iterable<string>): string {
  return [...new Set(chars)]
    .map((c) => (c === ' ' ? 'space' : /\s/.test(c) ? 'whitespace' : `"${c}"`))
    .join(', ');
}

function nameProblem(name: string, what: string, max: number): string | undefined {
  if (name.length === 0) return `Enter a ${what} name.`;
  if (name.length > max) return `The name has ${name.length} characters; IAM allows at most ${max}.`;
  if (!NAME_RE.test(name)) {
    const bad = describeChars(name.replace(/[\w+=,.@-]/g, ''));
    return `IAM does not allow ${bad} in a name: use letters, digits and + = , . @ _ -.`;
  }
  return undefined;
}

/** What is wrong with the name of a new IAM entity, or undefined when IAM takes it. */
export function entityNameProblem(kind: EntityKind, name: string): string | undefined {
  return nameProblem(name, kind, NAME_MAX[kind]);
}

export function policyNameProblem(name: string): string | undefined {
  return entityNameProblem('policy', name);
}

export function roleNameProblem(name: string): string | undefined {
  return entityNameProblem('role', name);
}

export function pathProblem(path: string): string | undefined {
  if (path.length > PATH_MAX)
    return `The path has ${path.length} characters; IAM allows at most ${PATH_MAX}.`;
  if (!PATH_RE.test(path)) {
    return 'A path is "/" or starts and ends with "/" (e.g. "/team/"), with printable ASCII and no spaces between.';
  }
  return undefined;
}

export function descriptionProblem(text: string, options: { latin1?: boolean } = {}): string | undefined {
  if (text.length > DESCRIPTION_MAX) {
    return `The description has ${text.length.toLocaleString('en-US')} characters; IAM allows at most 1,000.`;
  }
  if (options.latin1 && !LATIN1_RE.test(text)) {
    const bad = describeChars(text.replace(/[\t\n\r\u0020-\u007E\u00A1-\u00FF]/g, ''));
    return `IAM accepts only Latin-1 characters here; remove ${bad}.`;
  }
  return undefined;
}

/** Characters of a policy document IAM's API refuses (outside tab, LF, CR and U+0020–U+00FF), with the first line. */
export function documentCharacterProblem(text: string): string | undefined {
  const match = /[^\t\n\r\u0020-\u00FF]/u.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split('\n').length;
  const bad = describeChars(text.replace(/[\t\n\r\u0020-\u00FF]/g, '')).slice(0, 80);
  return `IAM accepts only Latin-1 characters in a policy document; line ${line} has ${bad}. Write such characters as \\u escapes (e.g. \\u00e9) or remove them.`;
}

export interface TagDraft {
  readonly key: string;
  readonly value: string;
}

export interface TagProblem {
  readonly key?: string;
  readonly value?: string;
}

/** One entry per tag: what is wrong with its key and value (an empty object when nothing is). */
export function tagProblems(tags: readonly TagDraft[]): TagProblem[] {
  const seen = new Map<string, number>();
  return tags.map((tag, index) => {
    let key: string | undefined;
    let value: string | undefined;
    const lower = tag.key.toLowerCase();
    if (tag.key.length === 0) key = 'Enter a key (or remove this tag).';
    else if (tag.key.length > TAG_KEY_MAX)
      key = `The key has ${tag.key.length} characters; IAM allows at most ${TAG_KEY_MAX}.`;
    else if (!TAG_KEY_RE.test(tag.key)) key = 'Keys use letters, digits, spaces and _ . : / = + - @.';
    else if (lower.startsWith('aws:')) key = 'Keys starting with "aws:" are reserved for AWS.';
    else if (seen.has(lower))
      key = `Tag ${(seen.get(lower) ?? 0) + 1} has the same key (keys are case-insensitive).`;
    if (!seen.has(lower)) seen.set(lower, index);
    if (tag.value.length > TAG_VALUE_MAX)
      value = `The value has ${tag.value.length} characters; IAM allows at most ${TAG_VALUE_MAX}.`;
    else if (!TAG_VALUE_RE.test(tag.value)) value = 'Values use letters, digits, spaces and _ . : / = + - @.';
    return { ...(key ? { key } : {}), ...(value ? { value } : {}) };
  });
}

export function hasTagProblems(tags: readonly TagDraft[]): boolean {
  return (
    tags.length > TAGS_MAX || tagProblems(tags).some((p) => p.key !== undefined || p.value !== undefined)
  );
}

export function servicePrincipalProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter a service principal, e.g. lambda.amazonaws.com.';
  if (!SERVICE_PRINCIPAL_RE.test(v)) {
    return `"${v}" is not a service principal: they look like SERVICE.amazonaws.com (lower case), e.g. ecs-tasks.amazonaws.com.`;
  }
  return undefined;
}
