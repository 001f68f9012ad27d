import type { CatalogView } from '../../catalog/catalog';
import { ACCESS_LEVELS } from '../../catalog/types';
import type { StatementView } from '../../policy/model';
import { expandActions } from '../../policy/expand';

/**
 * "3 actions (Read 2, List 1), 2 resources, 1 condition" (the block's title names the service);
 * `services`: how many services a statement of several names (its sections), else undefined.
 */
export function blockSummary(statement: StatementView, services: number | undefined, view: CatalogView): string {
  const parts: string[] = [];
  const actions = statement.action?.values ?? statement.notAction?.values ?? [];
  const expanded = expandActions(actions, view);
  const label = statement.notAction ? 'all actions except' : '';
  if (actions.length === 0) {
    parts.push('no actions');
  } else {
    const byLevel = new Map<string, number>();
    for (const a of expanded) byLevel.set(a.accessLevel, (byLevel.get(a.accessLevel) ?? 0) + 1);
    const levels = ACCESS_LEVELS.filter((l) => byLevel.has(l)).map((l) => `${l} ${byLevel.get(l)}`);
    parts.push(
      `${label ? `${label} ` : ''}${expanded.length} action${expanded.length === 1 ? '' : 's'}${levels.length ? ` (${levels.join(', ')})` : ''}`,
    );
  }
  const resources = statement.resource?.values ?? [];
  if (resources.includes('*')) parts.push('all resources');
  else parts.push(`${resources.length} resource${resources.length === 1 ? '' : 's'}`);
  const conditions = statement.conditions.length;
  if (conditions) parts.push(`${conditions} condition${conditions === 1 ? '' : 's'}`);
  const name = services ? `${services} services` : '';
  return `${name ? `${name}: ` : ''}${parts.join(', ')}`;
}
