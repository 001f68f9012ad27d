/**
 * The state of one validation run: the findings so far, the catalog lookups, and a view of each
 * statement read straight from the document (so pointers always match the document, whatever
 * shape it has).
 */
import type { CatalogView } from '../../catalog/catalog';
import { CHECKS } from '../checks';
import type { CheckCode } from '../checks';
import { getMember, hasMember, isJsonObject } from '../json';
import type {
  Finding,
  JsonObject,
  JsonValue,
  PolicyKind,
  PolicyModel,
  SourceRange,
  StatementView,
} from '../model';
import { joinPointer } from '../pointer';
import type { ActionRef, CatalogIndex } from './catalogIndex';
import { catalogIndex } from './catalogIndex';

export interface ValidateOptions {
  readonly kind: PolicyKind;
  /** characters as IAM counts them (see size.ts); the size check runs only when given */
  readonly sizeChars?: number;
  /** the source text, when the model was parsed from text: findings about single characters get exact ranges */
  readonly text?: string;
}

export interface ListItem {
  readonly value: string;
  readonly pointer: string;
  /** index in the array, or 0 for the single-string form */
  readonly index: number;
}

/** Action, NotAction, Resource or NotResource, read from the statement. */
export interface ElementList {
  readonly key: string;
  /** pointer of the element's value */
  readonly pointer: string;
  readonly single: boolean;
  /** the string items (non-strings are reported and left out) */
  readonly items: readonly ListItem[];
  /** an array with no items at all */
  readonly empty: boolean;
}

export interface ConditionValue {
  readonly value: JsonValue;
  readonly pointer: string;
}

/** One key inside one operator block of the Condition element. */
export interface ConditionItem {
  readonly operator: string;
  readonly operatorPointer: string;
  readonly key: string;
  /** pointer of the key's value */
  readonly pointer: string;
  readonly values: readonly ConditionValue[];
  /** the value was written as a single value, not an array */
  readonly single: boolean;
}

/** How an Action or NotAction item resolved. */
export interface ActionPattern {
  readonly item: ListItem;
  /** "ok": a known service (and, without wildcards, a known action); otherwise reported */
  readonly status: 'ok' | 'invalid';
  readonly wildcard: boolean;
  /** the service part has a wildcard ("*" alone counts) */
  readonly serviceWildcard: boolean;
  /** lower-cased service part (may be a pattern) */
  readonly service: string;
  readonly matches: readonly ActionRef[];
}

export interface StatementContext {
  readonly view: StatementView;
  readonly index: number;
  readonly pointer: string;
  readonly raw: JsonObject;
  /** "Allow" or "Deny" when valid */
  readonly effect: 'Allow' | 'Deny' | undefined;
  readonly action: ElementList | undefined;
  readonly notAction: ElementList | undefined;
  readonly resource: ElementList | undefined;
  readonly notResource: ElementList | undefined;
  readonly conditions: readonly ConditionItem[];
  /** the Condition element is present (even if empty or malformed) */
  readonly hasCondition: boolean;
  /** filled by the action checks */
  actionPatterns: readonly ActionPattern[];
  notActionPatterns: readonly ActionPattern[];
}

export class Validation {
  readonly findings: Finding[] = [];
  readonly index: CatalogIndex;
  readonly statements: StatementContext[] = [];
  readonly isTrust: boolean;
  private readonly seen = new Set<string>();

  constructor(
    readonly model: PolicyModel,
    readonly catalog: CatalogView,
    readonly options: ValidateOptions,
  ) {
    this.index = catalogIndex(catalog);
    this.index.beginRun();
    this.isTrust = options.kind === 'trust';
  }

  /** Adds a finding; the same code at the same pointer is reported once. */
  report(code: CheckCode, pointer: string, message: string): void {
    const id = `${code}\u0000${pointer}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push({ severity: CHECKS[code].severity, code, message, pointer });
  }

  /** Adds a finding with its exact place in the source text. */
  reportAt(code: CheckCode, pointer: string, message: string, range: SourceRange): void {
    const id = `${code}\u0000${pointer}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push({ severity: CHECKS[code].severity, code, message, pointer, range });
  }
}

/** Reads a string-or-array element; reports data-type problems through `onBadType`. */
export function readList(
  raw: JsonObject,
  key: string,
  statementPointer: string,
  onBadType: (pointer: string, value: JsonValue) => void,
): ElementList | undefined {
  if (!hasMember(raw, key)) return undefined;
  const value = getMember(raw, key) as JsonValue;
  const pointer = joinPointer(statementPointer, key);
  if (typeof value === 'string')
    return { key, pointer, single: true, items: [{ value, pointer, index: 0 }], empty: false };
  if (Array.isArray(value)) {
    const items: ListItem[] = [];
    value.forEach((item: JsonValue, index: number) => {
      const itemPointer = joinPointer(pointer, index);
      if (typeof item === 'string') items.push({ value: item, pointer: itemPointer, index });
      else onBadType(itemPointer, item);
    });
    return { key, pointer, single: false, items, empty: value.length === 0 };
  }
  onBadType(pointer, value);
  return { key, pointer, single: true, items: [], empty: false };
}

/** Reads the Condition element into items; reports shape problems through the callbacks. */
export function readConditions(
  raw: JsonObject,
  statementPointer: string,
  onBadType: (pointer: string, what: string) => void,
  onEmptyObject: (pointer: string, operator: string | undefined) => void,
): ConditionItem[] {
  if (!hasMember(raw, 'Condition')) return [];
  const condition = getMember(raw, 'Condition') as JsonValue;
  const conditionPointer = joinPointer(statementPointer, 'Condition');
  if (!isJsonObject(condition)) {
    onBadType(conditionPointer, 'The Condition element must be an object of condition operators');
    return [];
  }
  const operators = Object.keys(condition);
  if (operators.length === 0) {
    onEmptyObject(conditionPointer, undefined);
    return [];
  }
  const items: ConditionItem[] = [];
  for (const operator of operators) {
    const block = condition[operator] as JsonValue;
    const operatorPointer = joinPointer(conditionPointer, operator);
    if (!isJsonObject(block)) {
      onBadType(operatorPointer, `The ${operator} block must be an object of condition keys and values`);
      continue;
    }
    const keys = Object.keys(block);
    if (keys.length === 0) {
      onEmptyObject(operatorPointer, operator);
      continue;
    }
    for (const key of keys) {
      const value = block[key] as JsonValue;
      const pointer = joinPointer(operatorPointer, key);
      if (Array.isArray(value)) {
        items.push({
          operator,
          operatorPointer,
          key,
          pointer,
          values: value.map((item: JsonValue, index: number) => ({
            value: item,
            pointer: joinPointer(pointer, index),
          })),
          single: false,
        });
      } else {
        items.push({ operator, operatorPointer, key, pointer, values: [{ value, pointer }], single: true });
      }
    }
  }
  return items;
}

/** "a, b, c and 4 more" */
export function listText(items: readonly string[], max = 5): string {
  if (items.length <= max) {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Levenshtein distance, capped (returns cap + 1 when larger). */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** The closest candidate (case-insensitive) within a small edit distance, if any. */
export function closest(text: string, candidates: Iterable<string>, cap = 3): string | undefined {
  const lower = text.toLowerCase();
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), Math.min(cap, bestDistance));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Quotes a value for a message. */
export function q(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text);
}
