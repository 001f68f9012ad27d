/**
 * Normalisation of the raw IAM data, shared by the catalog builder and its tests.
 * Pure functions, no I/O.
 */
import type { AccessLevel } from './types';

/**
 * Most specific first: when the data combines levels ("Permissions management, Write",
 * "Tagging, Write"), the first of these that appears wins, as in the IAM console.
 */
const ACCESS_LEVEL_PRECEDENCE: readonly AccessLevel[] = [
  'Permissions management',
  'Tagging',
  'Write',
  'Read',
  'List',
];

/**
 * Maps an access level as the data writes it to one of the console's five.
 * Returns undefined for a value that names none of them.
 */
export function normaliseAccessLevel(raw: string): AccessLevel | undefined {
  const parts = new Set(
    raw
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== ''),
  );
  return ACCESS_LEVEL_PRECEDENCE.find((level) => parts.has(level.toLowerCase()));
}

/** The one-letter code of an access level in the compact index (see ACCESS_LEVEL_CODES). */
export function accessLevelCode(level: AccessLevel): string {
  return level === 'Permissions management' ? 'P' : level.charAt(0);
}

/**
 * Spellings of a tag-key variable the data uses besides the usual `${TagKey}`:
 * the global keys write "aws:PrincipalTag/tag-key", a few S3 keys "s3:ExistingObjectTag/<key>".
 */
const TAG_KEY_VARIANTS = /\/(?:tag-key|<key>)$/i;

/**
 * Writes the variable part of a condition key the way service keys do, so that
 * "aws:PrincipalTag/tag-key" and "s3:ExistingObjectTag/<key>" become
 * "aws:PrincipalTag/${TagKey}" and "s3:ExistingObjectTag/${TagKey}". Other keys are unchanged.
 */
export function normaliseConditionKey(key: string): string {
  return key.replace(TAG_KEY_VARIANTS, '/${TagKey}');
}
