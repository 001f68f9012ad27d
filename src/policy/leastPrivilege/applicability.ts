/**
 * Condition keys that apply to only some of a statement's actions: for the others the condition
 * never matches (or, with IfExists, matches without testing anything). Global aws:* keys apply to
 * every action. Keys that apply to none of the actions are the validator's
 * (unsupported-action-for-condition-key). Pure.
 */
import type { CatalogView } from '../../catalog/catalog';
import { compactActionSet } from '../compact';
import type { ConditionEntry, JsonObject, JsonValue, PolicyModel, StatementView } from '../model';
import { getMember, isJsonObject } from '../json';
import { actionSupportsKey, resolveActions, type ResolvedAction } from './catalogFacts';

export interface PartialKey {
  readonly statement: StatementView;
  readonly condition: ConditionEntry;
  readonly supported: readonly string[];
  readonly unsupported: readonly string[];
}

function isGlobal(key: string): boolean {
  return key.toLowerCase().startsWith('aws:');
}

function statementActions(statement: StatementView, catalog: CatalogView): ResolvedAction[] {
  const seen = new Set<string>();
  const out: ResolvedAction[] = [];
  for (const value of statement.action?.values ?? []) {
    for (const action of resolveActions(value, catalog)) {
      const key = action.name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(action);
      }
    }
  }
  return out;
}

/** The condition keys of each statement that apply to some but not all of its actions. */
export function partialConditionKeys(model: PolicyModel, catalog: CatalogView): PartialKey[] {
  const result: PartialKey[] = [];
  for (const statement of model.statements) {
    if (!statement.action || statement.conditions.length === 0) continue;
    const actions = statementActions(statement, catalog);
    if (actions.length < 2) continue;
    const done = new Set<string>();
    for (const condition of statement.conditions) {
      const lower = condition.key.toLowerCase();
      if (isGlobal(lower) || done.has(lower)) continue;
      done.add(lower);
      const supported: string[] = [];
      const unsupported: string[] = [];
      let unknown = false;
      for (const action of actions) {
        const support = actionSupportsKey(action, condition.key, catalog);
        if (support === undefined) unknown = true;
        else (support ? supported : unsupported).push(action.name);
      }
      if (unknown || supported.length === 0 || unsupported.length === 0) continue;
      result.push({ statement, condition, supported, unsupported });
    }
  }
  return result;
}

function listValue(values: readonly string[]): JsonValue {
  return values.length === 1 ? (values[0] as string) : [...values];
}

/** The Condition element without the keys in `drop` (operators left empty are removed). */
function conditionWithout(raw: JsonObject, drop: ReadonlySet<string>): JsonObject | undefined {
  const condition = getMember(raw, 'Condition');
  if (!isJsonObject(condition)) return undefined;
  const out: Record<string, JsonValue> = {};
  for (const [operator, block] of Object.entries(condition)) {
    if (!isJsonObject(block)) {
      out[operator] = block;
      continue;
    }
    const kept = Object.entries(block).filter(([key]) => !drop.has(key.toLowerCase()));
    if (kept.length > 0) out[operator] = Object.fromEntries(kept);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The fix: the statement keeps the actions the key applies to (a wildcard that matches both kinds
 * becomes the names it should keep), and a new statement after it takes the others with the same
 * Effect and resources and the conditions that still apply to them.
 */
export function splitByKey(
  partial: PartialKey,
  catalog: CatalogView,
): { kept: JsonObject; moved: JsonObject } {
  const { statement } = partial;
  const unsupported = new Set(partial.unsupported.map((a) => a.toLowerCase()));
  const keptValues: string[] = [];
  for (const value of statement.action?.values ?? []) {
    const matches = resolveActions(value, catalog);
    if (matches.length === 0) {
      keptValues.push(value);
      continue;
    }
    const keep = matches.filter((m) => !unsupported.has(m.name.toLowerCase()));
    if (keep.length === matches.length) keptValues.push(value);
    else if (keep.length > 0)
      keptValues.push(
        ...compactActionSet(
          keep.map((m) => m.summary),
          catalog,
        ),
      );
  }
  const movedActions = partial.unsupported;
  // keys that apply to none of the moved actions leave with the move
  const drop = new Set<string>();
  for (const condition of statement.conditions) {
    const lower = condition.key.toLowerCase();
    if (lower.startsWith('aws:')) continue;
    const moved = movedActions.flatMap((name) => resolveActions(name, catalog));
    if (moved.every((action) => actionSupportsKey(action, condition.key, catalog) === false)) drop.add(lower);
  }
  const raw = statement.raw;
  const kept: JsonObject = { ...raw, Action: listValue(keptValues) };
  const movedEntries: [string, JsonValue][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'Sid') continue;
    if (key === 'Action') movedEntries.push([key, listValue(movedActions)]);
    else if (key === 'Condition') {
      const condition = conditionWithout(raw, drop);
      if (condition) movedEntries.push([key, condition]);
    } else movedEntries.push([key, value]);
  }
  return { kept, moved: Object.fromEntries(movedEntries) };
}
