/**
 * The condition keys a block can use: the service's keys (marked when the chosen actions or their
 * resource types support them) and the global keys, with the variable of keys such as
 * aws:ResourceTag/${TagKey}.
 */
import type { ConditionKeyDetail, ConditionKeyType, GlobalConditionKey, ServiceDetailFile } from '../../catalog/types';
import type { ApplicableResourceType, ChosenActions } from '../resources/resourceTypes';

export type KeyGroup = 'Service keys' | 'Global keys';

export interface ConditionKeyOption {
  /** as the catalog writes it, e.g. "aws:ResourceTag/${TagKey}" */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly description: string;
  readonly group: KeyGroup;
  /** false for a service key that none of the chosen actions (or their resource types) supports */
  readonly applies: boolean;
  /** the name of the key's variable part, e.g. "TagKey" */
  readonly variable?: string;
}

const VARIABLE = /\$\{([^}]+)\}/;

/** "aws:ResourceTag/${TagKey}" → "TagKey". */
export function keyVariable(key: string): string | undefined {
  return VARIABLE.exec(key)?.[1];
}

/** "aws:ResourceTag/${TagKey}" + "team" → "aws:ResourceTag/team". */
export function fillKeyVariable(key: string, value: string): string {
  return key.replace(VARIABLE, () => value);
}

function option(detail: ConditionKeyDetail, group: KeyGroup, applies: boolean): ConditionKeyOption {
  const variable = keyVariable(detail.key);
  const base = { key: detail.key, type: detail.type, description: detail.description, group, applies };
  return variable ? { ...base, variable } : base;
}

/**
 * The key options for a block: service keys first (those that apply to the chosen actions before
 * the others), then the global keys (the catalog's global keys and the service's own aws: keys).
 */
export function conditionKeyOptions(
  detail: ServiceDetailFile | undefined,
  chosen: ChosenActions,
  types: readonly ApplicableResourceType[],
  globals: readonly GlobalConditionKey[],
): ConditionKeyOption[] {
  const supported = new Set<string>();
  for (const action of chosen.actions) {
    for (const key of action.conditionKeys) supported.add(key.toLowerCase());
    for (const ref of action.resourceTypes) for (const key of ref.conditionKeys ?? []) supported.add(key.toLowerCase());
  }
  for (const type of types) for (const key of type.conditionKeys) supported.add(key.toLowerCase());
  const everything = chosen.actions.length === 0 || chosen.notAction;

  const globalNames = new Set(globals.map((g) => g.key.toLowerCase()));
  const applying: ConditionKeyOption[] = [];
  const others: ConditionKeyOption[] = [];
  const serviceGlobals: ConditionKeyOption[] = [];
  for (const key of detail?.conditionKeys ?? []) {
    const lower = key.key.toLowerCase();
    if (globalNames.has(lower)) continue;
    if (lower.startsWith('aws:')) {
      serviceGlobals.push(option(key, 'Global keys', true));
      continue;
    }
    const applies = everything || supported.has(lower);
    (applies ? applying : others).push(option(key, 'Service keys', applies));
  }
  return [...applying, ...others, ...globals.map((g) => option(g, 'Global keys', true)), ...serviceGlobals];
}

export interface KeyMatch {
  readonly option: ConditionKeyOption;
  /** the value of the key's variable, for a key such as aws:ResourceTag/team */
  readonly variableValue?: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The option a key written in a policy belongs to (case-insensitive, variables filled in). */
export function findKeyOption(options: readonly ConditionKeyOption[], key: string): KeyMatch | undefined {
  const lower = key.toLowerCase();
  const exact = options.find((o) => o.key.toLowerCase() === lower);
  if (exact) return { option: exact };
  for (const candidate of options) {
    if (!candidate.variable) continue;
    const [before, after] = candidate.key.split(/\$\{[^}]+\}/) as [string, string | undefined];
    const regex = new RegExp(`^${escapeRegex(before)}(.+)${escapeRegex(after ?? '')}$`, 'is');
    const match = regex.exec(key);
    if (match) return { option: candidate, variableValue: match[1] ?? '' };
  }
  return undefined;
}
