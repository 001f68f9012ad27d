/**
 * Which resource types a block's actions take, and which of the block's Resource values belong
 * to which type.
 */
import type { CatalogView } from '../../catalog/catalog';
import type { ActionDetail, ServiceDetailFile } from '../../catalog/types';
import { expandActionPattern, matchesPattern } from '../../policy/expand';
import type { StringList } from '../../policy/model';
import { matchArn, parseArnTemplate, type ArnTemplate } from './arnTemplate';

export interface ChosenActions {
  /** details of the block's actions in this service, each once, in the order the patterns name them */
  readonly actions: readonly ActionDetail[];
  /** true when the block names its actions with NotAction (then any resource type may apply) */
  readonly notAction: boolean;
}

/**
 * The actions of `prefix` the block names (patterns expanded against the catalog). With NotAction,
 * every action of the service the NotAction patterns leave out.
 */
export function chosenActions(
  lists: { readonly action?: StringList; readonly notAction?: StringList },
  prefix: string,
  view: CatalogView,
): ChosenActions {
  const service = prefix.toLowerCase();
  const detailOf = (name: string) => view.actionDetail(service, name);
  if (!lists.action && lists.notAction) {
    const excluded = lists.notAction.values;
    const actions = (view.detail(service)?.actions ?? []).filter(
      (a) => !excluded.some((pattern) => matchesPattern(pattern, `${service}:${a.name}`)),
    );
    return { actions, notAction: true };
  }
  const seen = new Set<string>();
  const actions: ActionDetail[] = [];
  for (const pattern of lists.action?.values ?? []) {
    for (const summary of expandActionPattern(pattern, view)) {
      if (summary.service.toLowerCase() !== service) continue;
      const key = summary.name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const detail = detailOf(summary.name);
      if (detail) actions.push(detail);
    }
  }
  return { actions, notAction: false };
}

export interface ApplicableResourceType {
  readonly name: string;
  /** the ARN template as the catalog writes it */
  readonly arn: string;
  readonly template: ArnTemplate;
  readonly conditionKeys: readonly string[];
  /** names of the chosen actions that take this type */
  readonly actions: readonly string[];
  /** names of the chosen actions that require it */
  readonly requiredBy: readonly string[];
}

/**
 * The resource types the actions take (scenario types included), required ones first, then in
 * the service's order.
 */
export function applicableResourceTypes(
  detail: ServiceDetailFile,
  chosen: ChosenActions,
): ApplicableResourceType[] {
  const uses = new Map<string, { actions: string[]; requiredBy: string[] }>();
  for (const action of chosen.actions) {
    const refs = [...action.resourceTypes, ...(action.scenarios ?? []).flatMap((s) => s.resourceTypes)];
    for (const ref of refs) {
      let use = uses.get(ref.name);
      if (!use) {
        use = { actions: [], requiredBy: [] };
        uses.set(ref.name, use);
      }
      if (!use.actions.includes(action.name)) use.actions.push(action.name);
      if (ref.required && !use.requiredBy.includes(action.name)) use.requiredBy.push(action.name);
    }
  }
  const types: ApplicableResourceType[] = [];
  for (const type of detail.resourceTypes) {
    const use = uses.get(type.name);
    if (!use && !chosen.notAction) continue;
    types.push({
      name: type.name,
      arn: type.arn,
      template: parseArnTemplate(type.arn),
      conditionKeys: type.conditionKeys,
      actions: use?.actions ?? [],
      requiredBy: use?.requiredBy ?? [],
    });
  }
  const required = types.filter((t) => t.requiredBy.length > 0);
  return [...required, ...types.filter((t) => t.requiredBy.length === 0)];
}

/** The chosen actions that accept only "*" as their resource. */
export function wildcardOnlyActions(chosen: ChosenActions): readonly ActionDetail[] {
  return chosen.notAction ? [] : chosen.actions.filter((a) => a.wildcardOnly);
}

export interface ResourceRow {
  /** position in the statement's Resource list */
  readonly index: number;
  readonly arn: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface OtherArn {
  readonly index: number;
  readonly arn: string;
  /** a resource type of the service the ARN fits although none of the chosen actions takes it */
  readonly serviceType?: string;
}

export interface ResourceClassification {
  /** Resource holds "*" */
  readonly all: boolean;
  /** ARNs that fit a type, by type name */
  readonly rows: ReadonlyMap<string, readonly ResourceRow[]>;
  /** everything else but "*" */
  readonly other: readonly OtherArn[];
}

/**
 * Sorts Resource values into the applicable types. An ARN goes to the type `sticky` names for its
 * index when it still fits it (so a row does not jump while it is being edited), else to the
 * fitting type with the most literal characters in its template.
 */
export function classifyResources(
  resources: readonly string[],
  types: readonly ApplicableResourceType[],
  serviceTypes: ServiceDetailFile['resourceTypes'] = [],
  sticky: ReadonlyMap<number, string> = new Map(),
): ResourceClassification {
  const rows = new Map<string, ResourceRow[]>();
  const other: OtherArn[] = [];
  let all = false;
  resources.forEach((arn, index) => {
    if (arn === '*') {
      all = true;
      return;
    }
    let best: { type: ApplicableResourceType; values: Record<string, string> } | undefined;
    const stuck = types.find((t) => t.name === sticky.get(index));
    const stuckValues = stuck ? matchArn(stuck.template, arn) : undefined;
    if (stuck && stuckValues) best = { type: stuck, values: stuckValues };
    else {
      for (const type of types) {
        const values = matchArn(type.template, arn);
        if (values && (!best || type.template.literalLength > best.type.template.literalLength)) best = { type, values };
      }
    }
    if (best) {
      const list = rows.get(best.type.name) ?? [];
      list.push({ index, arn, values: best.values });
      rows.set(best.type.name, list);
      return;
    }
    const serviceType = serviceTypes.find((t) => matchArn(parseArnTemplate(t.arn), arn));
    other.push(serviceType ? { index, arn, serviceType: serviceType.name } : { index, arn });
  });
  return { all, rows, other };
}

/**
 * The Action list with the wildcard-only actions taken out, to move them to a block of their own;
 * undefined when they cannot all be taken out because a pattern ("s3:List*") names them.
 */
export function withoutActions(
  actionValues: readonly string[],
  prefix: string,
  names: readonly string[],
): { readonly remaining: readonly string[]; readonly moved: readonly string[] } | undefined {
  const full = names.map((n) => `${prefix}:${n}`);
  const remaining: string[] = [];
  const moved: string[] = [];
  for (const value of actionValues) {
    const exact = full.find((f) => f.toLowerCase() === value.toLowerCase());
    if (exact) moved.push(value);
    else remaining.push(value);
  }
  const stillNamed = full.some((f) => remaining.some((pattern) => matchesPattern(pattern, f)));
  if (stillNamed || moved.length === 0) return undefined;
  return { remaining, moved };
}

/** The 12-digit account IDs the ARNs use, most used first. */
export function accountsIn(resources: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const arn of resources) {
    const account = arn.split(':')[4];
    if (account && /^\d{12}$/.test(account)) counts.set(account, (counts.get(account) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([account]) => account);
}
