/**
 * Whether an action may join an existing statement without changing what the statement means for
 * it: the statement's service condition keys must apply to it, and its resources must suit it
 * (an action that takes ARNs does not join a block of actions that take only "*", and the other
 * way round). Pure: search and picks use it to make a new block instead, and say why.
 */
import type { CatalogView } from '../../catalog/catalog';
import type { StatementView } from '../model';
import { actionSupportsKey, resolveActions } from './catalogFacts';

/** Why `action` ("service:Name") should not be merged into `statement`, or undefined when it may. */
export function whyNotMerge(
  statement: StatementView,
  action: string,
  catalog: CatalogView,
): string | undefined {
  const [target] = resolveActions(action, catalog);
  if (!target?.detail) return undefined;
  const keys = statement.conditions
    .map((c) => c.key)
    .filter((key) => !key.toLowerCase().startsWith('aws:'))
    .filter((key) => actionSupportsKey(target, key, catalog) === false);
  if (keys.length > 0)
    return `its condition on ${[...new Set(keys)].join(', ')} does not apply to ${target.name}`;
  const members = (statement.action?.values ?? []).flatMap((value) => resolveActions(value, catalog));
  if (members.length === 0 || members.some((m) => !m.detail)) return undefined;
  const allStarOnly = members.every((m) => m.detail?.wildcardOnly);
  if (allStarOnly && !target.detail.wildcardOnly)
    return `its actions take only Resource "*", and ${target.name} can be limited to ARNs`;
  const resources = statement.resource?.values ?? [];
  if (target.detail.wildcardOnly && resources.length > 0 && !resources.includes('*'))
    return `${target.name} takes only Resource "*", not the block's ARNs`;
  return undefined;
}
