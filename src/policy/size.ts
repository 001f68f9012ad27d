/**
 * Policy size as IAM counts it against its quotas: every character of the text except
 * whitespace outside strings (space, tab, line feed, carriage return). Strings count as written,
 * quotes and escapes included ("\n" inside a string is two characters). Characters are UTF-16
 * code units, like String.length.
 */
import type { PolicyKind, PolicyModel } from './model';
import { SIZE_QUOTAS } from './model';
import { serialize } from './serialize';

/** Characters of `text` that count toward the quota. Works on any text, valid JSON or not. */
export function policySize(text: string): number {
  let size = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      size++;
      if (code === 92 /* \ */ && i + 1 < text.length) {
        size++;
        i++;
      } else if (code === 34 /* " */) {
        inString = false;
      }
    } else if (code === 32 || code === 9 || code === 10 || code === 13) {
      continue;
    } else {
      size++;
      if (code === 34) inString = true;
    }
  }
  return size;
}

/** Size of the model as it would be sent: its minified serialization. */
export function modelSize(model: PolicyModel): number {
  // Minified output has no whitespace outside strings, so its length is its size.
  return serialize(model, { format: 'minified' }).length;
}

export interface SizeReport {
  /** characters counted */
  readonly size: number;
  /** the quota for the policy kind */
  readonly quota: number;
  /** quota - size (negative when over) */
  readonly remaining: number;
  /** size / quota (1 = exactly at the quota) */
  readonly ratio: number;
  /** true when size exceeds the quota */
  readonly over: boolean;
}

export function sizeReport(sizeChars: number, kind: PolicyKind): SizeReport {
  const quota = SIZE_QUOTAS[kind];
  return {
    size: sizeChars,
    quota,
    remaining: quota - sizeChars,
    ratio: sizeChars / quota,
    over: sizeChars > quota,
  };
}
