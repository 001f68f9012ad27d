/**
 * IAM's request parameter rules (names, paths, descriptions, tags, ...) and quotas, with the error
 * IAM answers when a value breaks one.
 */
import { IamError, missingParameter, validationError } from './errors';

export const QUOTAS = {
  /** versions of one customer managed policy */
  versionsPerPolicy: 5,
  /** managed policies attached to one user, group or role (default quota) */
  attachedPoliciesPerPrincipal: 10,
  tagsPerResource: 50,
} as const;

export interface Tag {
  readonly key: string;
  readonly value: string;
}

const NAME_CHARS = /^[\w+=,.@-]+$/;
const NAME_PATTERN = '[\\w+=,.@-]+';

/** Maximum name lengths: policies and groups 128, users and roles 64. */
export const NAME_MAX = { policyName: 128, groupName: 128, userName: 64, roleName: 64 } as const;

export function checkName(field: keyof typeof NAME_MAX, value: string | undefined): string {
  if (value === undefined) throw missingParameter(field);
  const max = NAME_MAX[field];
  if (value.length < 1)
    throw validationError(field, value, 'Member must have length greater than or equal to 1');
  if (value.length > max) {
    throw validationError(field, value, `Member must have length less than or equal to ${max}`);
  }
  if (!NAME_CHARS.test(value)) {
    throw validationError(field, value, `Member must satisfy regular expression pattern: ${NAME_PATTERN}`);
  }
  return value;
}

/** "/" or "/division/team/": printable ASCII between slashes, up to 512 characters. */
export const PATH_RE = /^(\/|\/[\x21-\x7E]+\/)$/;

export function checkPath(field: string, value: string | undefined): string {
  if (value === undefined) return '/';
  if (value.length < 1)
    throw validationError(field, value, 'Member must have length greater than or equal to 1');
  if (value.length > 512)
    throw validationError(field, value, 'Member must have length less than or equal to 512');
  if (!PATH_RE.test(value)) {
    throw validationError(
      field,
      value,
      'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)',
    );
  }
  return value;
}

export function checkPathPrefix(value: string | undefined): string {
  if (value === undefined) return '/';
  if (value.length < 1 || value.length > 512 || !/^\/[\x21-\x7F]*$/.test(value)) {
    throw validationError(
      'pathPrefix',
      value,
      'Member must satisfy regular expression pattern: \\u002F[\\u0021-\\u007F]*',
    );
  }
  return value;
}

/** A role description's characters: [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]* */
function isRoleDescription(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok = c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0xff);
    if (!ok) return false;
  }
  return true;
}

export function checkDescription(value: string | undefined, forRole = false): string | undefined {
  if (value === undefined) return undefined;
  if (value.length > 1000) {
    throw validationError(
      'description',
      value.slice(0, 40) + '…',
      'Member must have length less than or equal to 1000',
    );
  }
  if (forRole && !isRoleDescription(value)) {
    throw validationError(
      'description',
      value,
      'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
    );
  }
  return value;
}

const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Tag rules: at most 50; keys 1-128 and values 0-256 of letters, spaces, digits and _.:/=+-@. */
export function checkTags(tags: readonly { key?: string; value?: string }[]): Tag[] {
  if (tags.length > QUOTAS.tagsPerResource) {
    throw validationError(
      'tags',
      `[${tags.length} tags]`,
      `Member must have length less than or equal to ${QUOTAS.tagsPerResource}`,
    );
  }
  const seen = new Set<string>();
  return tags.map((tag, i) => {
    const at = `tags.${i + 1}.member`;
    if (tag.key === undefined) throw missingParameter(`${at}.key`);
    if (tag.value === undefined) throw missingParameter(`${at}.value`);
    const { key, value } = tag;
    if (key.length < 1)
      throw validationError(`${at}.key`, key, 'Member must have length greater than or equal to 1');
    if (key.length > 128)
      throw validationError(`${at}.key`, key, 'Member must have length less than or equal to 128');
    if (!TAG_KEY.test(key)) {
      throw validationError(
        `${at}.key`,
        key,
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
      );
    }
    if (value.length > 256)
      throw validationError(`${at}.value`, value, 'Member must have length less than or equal to 256');
    if (!TAG_VALUE.test(value)) {
      throw validationError(
        `${at}.value`,
        value,
        'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
      );
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw new IamError('InvalidInput', `Tag keys starting with 'aws:' are reserved for internal use.`);
    }
    const lower = key.toLowerCase();
    if (seen.has(lower)) {
      throw new IamError(
        'InvalidInput',
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    }
    seen.add(lower);
    return { key, value };
  });
}

export function checkMaxSessionDuration(value: number | undefined): number {
  if (value === undefined) return 3600;
  if (value < 3600)
    throw validationError(
      'maxSessionDuration',
      value,
      'Member must have value greater than or equal to 3600',
    );
  if (value > 43200)
    throw validationError('maxSessionDuration', value, 'Member must have value less than or equal to 43200');
  return value;
}

export function checkMaxItems(value: number | undefined): number {
  if (value === undefined) return 100;
  if (value < 1)
    throw validationError('maxItems', value, 'Member must have value greater than or equal to 1');
  if (value > 1000)
    throw validationError('maxItems', value, 'Member must have value less than or equal to 1000');
  return value;
}

export const VERSION_ID_RE = /^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/;

export function checkVersionId(value: string | undefined): string {
  if (value === undefined) throw missingParameter('versionId');
  if (!VERSION_ID_RE.test(value)) {
    throw validationError(
      'versionId',
      value,
      'Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?',
    );
  }
  return value;
}

/** arn:aws:iam::<account or "aws">:policy<path><name> */
export const POLICY_ARN_RE = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:[\x21-\x7E]*\/)?)([\w+=,.@-]+)$/;

export function checkPolicyArn(value: string | undefined): string {
  if (value === undefined) throw missingParameter('policyArn');
  if (value.length < 20)
    throw validationError('policyArn', value, 'Member must have length greater than or equal to 20');
  if (value.length > 2048)
    throw validationError('policyArn', value, 'Member must have length less than or equal to 2048');
  if (!POLICY_ARN_RE.test(value)) throw new IamError('InvalidInput', `ARN ${value} is not valid.`);
  return value;
}
