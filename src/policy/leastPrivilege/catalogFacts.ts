/** Small catalog lookups shared by the least-privilege checks. Pure. */
import type { ActionSummary, CatalogView } from '../../catalog/catalog';
import type { ActionDetail } from '../../catalog/types';
import { expandActionPattern } from '../expand';
import { wildcardsIntersect } from '../wildcard';

export interface ResolvedAction {
  readonly summary: ActionSummary;
  /** undefined while the service's detail is not loaded */
  readonly detail: ActionDetail | undefined;
  /** "service:Name" in catalog case */
  readonly name: string;
}

export function resolveActions(pattern: string, catalog: CatalogView): ResolvedAction[] {
  return expandActionPattern(pattern, catalog).map((summary) => ({
    summary,
    detail: catalog.actionDetail(summary.service, summary.name),
    name: `${summary.service}:${summary.name}`,
  }));
}

/** A condition key as used matches a catalog key, whose `${...}` part stands for any text. */
export function keyMatches(catalogKey: string, used: string): boolean {
  const c = catalogKey.toLowerCase();
  const u = used.toLowerCase();
  const variable = c.indexOf('${');
  if (variable < 0) return c === u;
  return u.startsWith(c.slice(0, variable)) && u.length > variable;
}

/**
 * Whether an action supports a condition key: its own keys, the keys of its resource types (as the
 * action lists them and as the resource types define them). undefined when the detail is missing.
 */
export function actionSupportsKey(
  action: ResolvedAction,
  key: string,
  catalog: CatalogView,
): boolean | undefined {
  const detail = action.detail;
  if (!detail) return undefined;
  if (detail.conditionKeys.some((k) => keyMatches(k, key))) return true;
  const service = catalog.detail(action.summary.service);
  for (const ref of detail.resourceTypes) {
    if (ref.conditionKeys?.some((k) => keyMatches(k, key))) return true;
    const type = service?.resourceTypes.find((rt) => rt.name.toLowerCase() === ref.name.toLowerCase());
    if (type?.conditionKeys.some((k) => keyMatches(k, key))) return true;
  }
  return false;
}

/** An ARN template with its ${...} variables as "*". */
export function templatePattern(arn: string): string {
  let out = '';
  let i = 0;
  while (i < arn.length) {
    const start = arn.indexOf('${', i);
    if (start < 0) {
      out += arn.slice(i);
      break;
    }
    const end = arn.indexOf('}', start);
    if (end < 0) {
      out += arn.slice(i);
      break;
    }
    out += `${arn.slice(i, start)}*`;
    i = end + 1;
  }
  return out;
}

/** The ARN templates of the resource types an action takes. */
export function actionArnTemplates(action: ResolvedAction, catalog: CatalogView): string[] {
  const service = catalog.detail(action.summary.service);
  const templates: string[] = [];
  for (const ref of action.detail?.resourceTypes ?? []) {
    const type = service?.resourceTypes.find((rt) => rt.name.toLowerCase() === ref.name.toLowerCase());
    if (type) templates.push(type.arn);
  }
  return templates;
}

/** True when every resource could be of one of the action's resource types. */
export function resourcesFit(
  resources: readonly string[],
  action: ResolvedAction,
  catalog: CatalogView,
): boolean {
  const patterns = actionArnTemplates(action, catalog).map(templatePattern);
  if (patterns.length === 0) return false;
  return resources.every((r) => r !== '*' && patterns.some((p) => wildcardsIntersect(p, r)));
}

/** Partition, Region and account of the first ARN among `resources` (to fill templates). */
export function arnParts(resources: readonly string[]): {
  partition: string;
  region: string;
  account: string;
} {
  for (const resource of resources) {
    const parts = resource.split(':');
    if (parts.length >= 6 && parts[0] === 'arn') {
      return { partition: parts[1] || 'aws', region: parts[3] || '*', account: parts[4] || '*' };
    }
  }
  return { partition: 'aws', region: '*', account: '*' };
}

/** Fills an ARN template: Partition, Region, Account from `parts`, every other variable "*". */
export function fillTemplate(
  template: string,
  parts: { partition: string; region: string; account: string },
): string {
  return templatePattern(
    template
      .split('${Partition}')
      .join(parts.partition)
      .split('${Region}')
      .join(parts.region)
      .split('${Account}')
      .join(parts.account),
  );
}
