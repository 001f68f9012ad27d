/**
 * Condition operators, compiled once per statement and tested per request.
 *
 * The rules, from "IAM JSON policy elements: Condition operators" and "Conditions with multiple
 * context keys or values":
 * - operators in a Condition are ANDed, keys within an operator are ANDed, a key's values are
 *   ORed (for negated operators: the request value must match none of them, a NOR);
 * - a key absent from the request: positive operators are false, negated ones (StringNotEquals,
 *   NotIpAddress, ArnNotLike, ...) are true; `...IfExists` makes the condition true; `Null` tests
 *   for absence itself;
 * - `ForAllValues:` is true when every request value matches (true for an absent key or an empty
 *   set); `ForAnyValue:` when at least one does (false for an absent key or an empty set); with a
 *   negated operator "matches" means "matches none of the policy's values".
 *
 * Choices where the documentation is silent (also listed in scenarios/index.ts):
 * - without a qualifier, a multivalued request value is true for a positive operator when any of
 *   its values matches, and for a negated operator when none matches (a NOR over all pairs);
 * - `...IfExists` with a qualifier is true for an absent key; an empty set counts as present;
 * - `Null`: "true" matches an absent key or an empty set, "false" a key with at least one value;
 * - a value that does not read as the operator's type (a number for Numeric..., a date, a
 *   boolean, base64, an IP address, an ARN) matches nothing, so a negated operator is true;
 * - policy variables are resolved in String and ARN operators only (elsewhere "${...}" is text);
 * - an operator IAM does not know (including `NullIfExists`) makes the condition false.
 */
import type { ConditionEntry, JsonPrimitive } from '../model';
import { parseOperator } from '../validate/operators';
import type { OperatorFamily, ParsedOperator } from '../validate/operators';
import type { Cidr } from '../validate/ip';
import { foldCase } from '../wildcard';
import { compileTemplate, patternMatch, resolveTemplate } from './variables';
import type { ContextLookup, Template } from './variables';
import { ipInRange, readBinary, readBool, readDate, readIp, readNumber, splitArn } from './values';

export interface CompiledCondition {
  /** the operator as written */
  readonly operator: string;
  /** the key as written */
  readonly key: string;
  /** folded, for lookups */
  readonly foldedKey: string;
  /** is the condition true for this request? */
  readonly test: (lookup: ContextLookup) => boolean;
  /** the policy's values after variables (null: a variable with no value), for reasons */
  readonly expected: (lookup: ContextLookup) => readonly (string | null)[];
  /** set for an operator IAM does not know */
  readonly invalid?: string;
}

function text(value: JsonPrimitive): string {
  return value === null ? 'null' : String(value);
}

/** Tests one request value against all the policy's values with the positive form of the operator. */
type AnyMatch = (value: string, lookup: ContextLookup) => boolean;

function compareNumbers(base: string, a: number, b: number): boolean {
  if (base.endsWith('GreaterThanEquals')) return a >= b;
  if (base.endsWith('GreaterThan')) return a > b;
  if (base.endsWith('LessThanEquals')) return a <= b;
  if (base.endsWith('LessThan')) return a < b;
  return a === b; // Equals and NotEquals (negated by the caller)
}

function stringMatcher(op: ParsedOperator, templates: readonly Template[]): AnyMatch {
  const like = op.base === 'StringLike' || op.base === 'StringNotLike';
  const ignoreCase = op.base.includes('IgnoreCase');
  if (!like && templates.every((t) => t.constant !== undefined)) {
    const set = new Set(templates.map((t) => (ignoreCase ? foldCase(t.source) : t.source)));
    return (value) => set.has(ignoreCase ? foldCase(value) : value);
  }
  return (value, lookup) => {
    const candidate = ignoreCase ? foldCase(value) : value;
    for (const template of templates) {
      const resolved = resolveTemplate(template, lookup, like);
      if (resolved === null) continue;
      if (like ? patternMatch(resolved, value) : (ignoreCase ? foldCase(resolved) : resolved) === candidate) {
        return true;
      }
    }
    return false;
  };
}

function arnMatcher(templates: readonly Template[]): AnyMatch {
  const constant = templates.every((t) => t.constant !== undefined)
    ? templates.map((t) => splitArn(t.source))
    : undefined;
  const partsMatch = (pattern: readonly string[] | undefined, parts: readonly string[]): boolean =>
    pattern !== undefined && pattern.every((p, i) => patternMatch(p, parts[i] as string));
  return (value, lookup) => {
    const parts = splitArn(value);
    if (parts === undefined) return false;
    if (constant !== undefined) return constant.some((pattern) => partsMatch(pattern, parts));
    for (const template of templates) {
      const resolved = resolveTemplate(template, lookup, true);
      if (resolved !== null && partsMatch(splitArn(resolved), parts)) return true;
    }
    return false;
  };
}

function typedMatcher<T>(
  policyValues: readonly JsonPrimitive[],
  read: (text: string) => T | undefined,
  same: (policy: T, request: T) => boolean,
): AnyMatch {
  const parsed = policyValues.map((v) => read(text(v))).filter((v): v is T => v !== undefined);
  return (value) => {
    const request = read(value);
    if (request === undefined) return false;
    for (const p of parsed) if (same(p, request)) return true;
    return false;
  };
}

function matcherFor(op: ParsedOperator, values: readonly JsonPrimitive[], variables: boolean): AnyMatch {
  const family: OperatorFamily = op.family;
  switch (family) {
    case 'String':
      return stringMatcher(
        op,
        values.map((v) => compileTemplate(text(v), variables)),
      );
    case 'Arn':
      return arnMatcher(values.map((v) => compileTemplate(text(v), variables)));
    case 'Numeric':
      return typedMatcher(values, readNumber, (p, r) => compareNumbers(op.base, r, p));
    case 'Date':
      return typedMatcher(values, readDate, (p, r) => compareNumbers(op.base, r, p));
    case 'Bool':
      return typedMatcher(values, readBool, (p, r) => p === r);
    case 'Binary':
      return typedMatcher(values, readBinary, (p, r) => p === r);
    case 'Ip':
      return typedMatcher<Cidr>(values, readIp, (range, address) => ipInRange(range, address));
    case 'Null':
      return () => false; // handled by compileCondition
  }
}

function never(entry: ConditionEntry, why: string): CompiledCondition {
  return {
    operator: entry.operator,
    key: entry.key,
    foldedKey: foldCase(entry.key),
    test: () => false,
    expected: () => entry.values.map(text),
    invalid: why,
  };
}

/** Compiles one key of one operator block. `variables`: the policy's Version is 2012-10-17. */
export function compileCondition(entry: ConditionEntry, variables: boolean): CompiledCondition {
  const op = parseOperator(entry.operator);
  if (!op.ok) {
    return never(
      entry,
      op.nullIfExists ? 'NullIfExists is not an operator' : `unknown operator ${entry.operator}`,
    );
  }
  const foldedKey = foldCase(entry.key);
  const templated = op.family === 'String' || op.family === 'Arn';
  const templates = templated ? entry.values.map((v) => compileTemplate(text(v), variables)) : [];
  const expected = templated
    ? (lookup: ContextLookup) => templates.map((t) => resolveTemplate(t, lookup, false))
    : () => entry.values.map(text);
  const base = { operator: entry.operator, key: entry.key, foldedKey, expected };

  if (op.family === 'Null') {
    const wanted = entry.values.map((v) => readBool(text(v))).filter((v) => v !== undefined);
    return {
      ...base,
      test: (lookup) => {
        const values = lookup(foldedKey);
        const isNull = values === undefined || values.length === 0;
        return wanted.includes(isNull);
      },
    };
  }

  const anyMatch = matcherFor(op, entry.values, variables);
  const { negated, qualifier, ifExists } = op;
  return {
    ...base,
    test: (lookup) => {
      const values = lookup(foldedKey);
      if (values === undefined) {
        if (ifExists) return true;
        if (qualifier === 'ForAllValues') return true;
        if (qualifier === 'ForAnyValue') return false;
        return negated;
      }
      if (qualifier === 'ForAllValues') {
        for (const v of values) if (anyMatch(v, lookup) === negated) return false;
        return true;
      }
      if (qualifier === 'ForAnyValue') {
        for (const v of values) if (anyMatch(v, lookup) !== negated) return true;
        return false;
      }
      for (const v of values) if (anyMatch(v, lookup)) return !negated;
      return negated;
    },
  };
}
