/**
 * A service's actions grouped by access level in the console's order (List, Read, Write,
 * Permissions management, Tagging), filtered, and flattened into rows for a virtual list. Pure.
 */
import type { ActionSummary } from '../../catalog/catalog';
import { ACCESS_LEVELS, type AccessLevel } from '../../catalog/types';
import { hasWildcard, matchesPattern } from '../../policy/expand';
import { isIncluded, type ActionEntries } from './actionEntries';

export interface ActionGroup {
  readonly level: AccessLevel;
  /** every action of the level, by name */
  readonly actions: readonly ActionSummary[];
  /** the actions the filter lets through (all of them without a filter) */
  readonly shown: readonly ActionSummary[];
}

/**
 * A filter as typed: words that must all appear in the name (any case), or a wildcard pattern
 * ("Get*Policy", "s3:List*") matched against the whole name. Empty: everything.
 */
export function actionFilter(query: string): (name: string) => boolean {
  const text = query.trim().toLowerCase();
  if (text === '') return () => true;
  if (hasWildcard(text)) {
    const pattern = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
    return (name) => matchesPattern(pattern, name);
  }
  const words = text.split(/[\s:]+/).filter((w) => w !== '');
  return (name) => {
    const lower = name.toLowerCase();
    return words.every((w) => lower.includes(w));
  };
}

/** Groups actions by access level, in the console's order; levels without actions are left out. */
export function groupActions(actions: readonly ActionSummary[], filter = ''): ActionGroup[] {
  const accept = actionFilter(filter);
  const byLevel = new Map<AccessLevel, ActionSummary[]>();
  for (const action of actions) {
    let list = byLevel.get(action.accessLevel);
    if (!list) {
      list = [];
      byLevel.set(action.accessLevel, list);
    }
    list.push(action);
  }
  const groups: ActionGroup[] = [];
  for (const level of ACCESS_LEVELS) {
    const list = byLevel.get(level);
    if (!list) continue;
    const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    groups.push({ level, actions: sorted, shown: sorted.filter((a) => accept(a.name)) });
  }
  return groups;
}

/** How many of a group's actions the list includes (named or covered by a pattern). */
export function countIncluded(actions: readonly ActionSummary[], entries: ActionEntries): number {
  let n = 0;
  for (const action of actions) if (isIncluded(entries, action.name)) n++;
  return n;
}

/** State of a group's "select all" box over the given actions. */
export type GroupSelection = 'none' | 'some' | 'all';

export function groupSelection(actions: readonly ActionSummary[], entries: ActionEntries): GroupSelection {
  if (actions.length === 0) return 'none';
  const n = countIncluded(actions, entries);
  return n === 0 ? 'none' : n === actions.length ? 'all' : 'some';
}

/**
 * What clicking a group's "select all" box does: the names to select (when not all are
 * included: every action not yet included) or to deselect (when all are: the named ones;
 * actions covered by a pattern stay covered).
 */
export function groupToggle(
  actions: readonly ActionSummary[],
  entries: ActionEntries,
): { readonly names: readonly string[]; readonly selected: boolean } {
  if (groupSelection(actions, entries) === 'all') {
    return {
      names: actions.filter((a) => entries.explicit.has(a.name.toLowerCase())).map((a) => a.name),
      selected: false,
    };
  }
  return { names: actions.filter((a) => !isIncluded(entries, a.name)).map((a) => a.name), selected: true };
}

/** One row of the virtual list: a group header or an action. */
export type ActionListRow =
  | { readonly kind: 'group'; readonly group: ActionGroup; readonly collapsed: boolean }
  | { readonly kind: 'action'; readonly action: ActionSummary; readonly level: AccessLevel };

/**
 * Rows for the virtual list. A filter hides groups without matches; collapsed groups show their
 * header only (while a filter is typed every group with matches is open).
 */
export function listRows(
  groups: readonly ActionGroup[],
  collapsed: ReadonlySet<AccessLevel>,
  filtering: boolean,
): ActionListRow[] {
  const rows: ActionListRow[] = [];
  for (const group of groups) {
    if (filtering && group.shown.length === 0) continue;
    const closed = !filtering && collapsed.has(group.level);
    rows.push({ kind: 'group', group, collapsed: closed });
    if (closed) continue;
    for (const action of group.shown) rows.push({ kind: 'action', action, level: group.level });
  }
  return rows;
}
