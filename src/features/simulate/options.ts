/**
 * What the Simulate panel offers: the draft's actions, the condition keys for the request context
 * (the policies' own keys, the chosen actions' keys, the global keys, each with its type), and the
 * resource types of the chosen actions with their ARN templates filled in as far as they can be.
 */
import type { ActionSummary, CatalogView } from '../../catalog/catalog';
import type { ConditionKeyType } from '../../catalog/types';
import { conditionKeyType } from '../../policy/evaluate/keys';
import { splitArn } from '../../policy/evaluate/values';
import { expandActionPattern } from '../../policy/expand';
import type { JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { foldCase } from '../../policy/wildcard';

export type KeyGroup = 'In the policies' | 'Of the chosen actions' | 'Global keys';

export interface KeyOption {
  /** as written (the catalog's case), may hold a variable part: aws:ResourceTag/${TagKey} */
  readonly key: string;
  readonly type: ConditionKeyType | undefined;
  readonly group: KeyGroup;
  readonly description: string;
}

/** The catalog's detail of "service:Action", when loaded. */
function actionDetail(action: string, catalog: CatalogView) {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = action.slice(0, colon);
  const detail = catalog.detail(prefix);
  const found = detail?.actions.find((a) => foldCase(a.name) === foldCase(action.slice(colon + 1)));
  return detail && found ? { service: detail, action: found } : undefined;
}

/** Keys for the context: the policies' own, then the chosen actions', then the global keys. */
export function contextKeyOptions(
  documents: Iterable<JsonValue>,
  actions: readonly string[],
  catalog: CatalogView,
): KeyOption[] {
  const out: KeyOption[] = [];
  const seen = new Set<string>();
  const describe = new Map<string, string>();
  for (const g of catalog.globalConditionKeys) describe.set(foldCase(g.key), g.description);
  const add = (key: string, group: KeyGroup, type: ConditionKeyType | undefined, description = '') => {
    const folded = foldCase(key);
    if (seen.has(folded)) return;
    seen.add(folded);
    out.push({ key, group, type, description: description || describe.get(folded) || '' });
  };
  for (const document of documents) {
    for (const st of buildModel(document).statements) {
      for (const c of st.conditions) add(c.key, 'In the policies', conditionKeyType(c.key, catalog));
    }
  }
  for (const name of actions.slice(0, 200)) {
    const found = actionDetail(name, catalog);
    if (!found) continue;
    const { service, action } = found;
    const keys = [...action.conditionKeys];
    for (const ref of action.resourceTypes) {
      keys.push(...(ref.conditionKeys ?? []));
      const type = service.resourceTypes.find((t) => t.name === ref.name);
      keys.push(...(type?.conditionKeys ?? []));
    }
    for (const key of keys) {
      const detail = service.conditionKeys.find((k) => foldCase(k.key) === foldCase(key));
      add(detail?.key ?? key, 'Of the chosen actions', detail?.type ?? conditionKeyType(key, catalog), detail?.description);
    }
  }
  for (const g of catalog.globalConditionKeys) add(g.key, 'Global keys', g.type, g.description);
  return out;
}

/** The draft's actions (wildcards expanded), for the action picker's first group. */
export function actionOptions(patterns: readonly string[], catalog: CatalogView, limit = 2_000): ActionSummary[] {
  const seen = new Set<string>();
  const out: ActionSummary[] = [];
  for (const pattern of patterns) {
    for (const a of expandActionPattern(pattern, catalog)) {
      const key = foldCase(`${a.service}:${a.name}`);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export interface ResourceTypeOption {
  readonly service: string;
  readonly name: string;
  /** the catalog's ARN template, e.g. arn:${Partition}:s3:::${BucketName}/${ObjectName} */
  readonly template: string;
  /** the chosen actions that take it */
  readonly actions: readonly string[];
}

/** The resource types the chosen actions take (their services' details must be loaded). */
export function resourceTypeOptions(actions: readonly string[], catalog: CatalogView): ResourceTypeOption[] {
  const byKey = new Map<string, { service: string; name: string; template: string; actions: string[] }>();
  for (const name of actions.slice(0, 200)) {
    const found = actionDetail(name, catalog);
    if (!found) continue;
    for (const ref of found.action.resourceTypes) {
      const type = found.service.resourceTypes.find((t) => t.name === ref.name);
      if (!type) continue;
      const key = `${found.service.prefix}/${type.name}`;
      let option = byKey.get(key);
      if (!option) {
        option = { service: found.service.prefix, name: type.name, template: type.arn, actions: [] };
        byKey.set(key, option);
      }
      const label = `${found.service.prefix}:${found.action.name}`;
      if (!option.actions.includes(label)) option.actions.push(label);
    }
  }
  return [...byKey.values()];
}

/**
 * The template with the partition, Region and account filled in (the account from the principal's
 * ARN, else 111122223333); the resource's own parts stay as ${Name} for the user to replace.
 */
export function fillTemplate(template: string, principal: string, region = 'us-east-1'): string {
  const parts = splitArn(principal.trim());
  const partition = parts?.[1] || 'aws';
  const account = parts?.[4] || '111122223333';
  return template
    .split('${Partition}')
    .join(partition)
    .split('${Region}')
    .join(region)
    .split('${Account}')
    .join(account);
}

/** The first ${Name} left in a resource, with where it is, to select it for the user. */
export function firstPlaceholder(resource: string): { readonly start: number; readonly end: number } | undefined {
  const start = resource.indexOf('${');
  if (start < 0) return undefined;
  const close = resource.indexOf('}', start);
  return close < 0 ? undefined : { start, end: close + 1 };
}

/**
 * Column headers: each ARN by its resource part ("task-definition/dev-app:1"), unless two
 * resources share it; long ones cut from the start. The full ARN is the header's title.
 */
export function resourceHeaders(resources: readonly string[]): string[] {
  const tail = (r: string) => {
    const parts = splitArn(r);
    return parts && parts[5] ? parts[5] : r;
  };
  const tails = resources.map(tail);
  const unique = new Set(tails).size === tails.length;
  return resources.map((r, i) => {
    const text = r === '*' ? 'Resource "*"' : unique ? (tails[i] as string) : r;
    return text.length <= 44 ? text : `…${text.slice(-42)}`;
  });
}
