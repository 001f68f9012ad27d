/**
 * Condition key types from the catalog: the global keys and every loaded service's keys. A key
 * with a variable part ("aws:PrincipalTag/${TagKey}") matches any text in that part. Lookups are
 * case-insensitive, as condition key names are.
 */
import type { CatalogView } from '../../catalog/catalog';
import type { ConditionKeyType } from '../../catalog/types';
import { foldCase, variablesAsWildcards, wildcardMatch } from '../wildcard';

interface KeyIndex {
  readonly exact: ReadonlyMap<string, ConditionKeyType>;
  readonly patterns: readonly (readonly [string, ConditionKeyType])[];
}

const indexes = new WeakMap<CatalogView, { readonly loaded: number; readonly index: KeyIndex }>();

function buildIndex(catalog: CatalogView): KeyIndex {
  const exact = new Map<string, ConditionKeyType>();
  const patterns: [string, ConditionKeyType][] = [];
  const add = (key: string, type: ConditionKeyType): void => {
    const folded = foldCase(key);
    if (folded.includes('${')) patterns.push([variablesAsWildcards(folded), type]);
    else if (!exact.has(folded)) exact.set(folded, type);
  };
  for (const key of catalog.globalConditionKeys) add(key.key, key.type);
  for (const service of catalog.services) {
    for (const key of catalog.detail(service.prefix)?.conditionKeys ?? []) add(key.key, key.type);
  }
  return { exact, patterns };
}

function loadedCount(catalog: CatalogView): number {
  let count = 0;
  for (const service of catalog.services) if (catalog.detail(service.prefix) !== undefined) count++;
  return count;
}

/** The key's type in the catalog, or undefined for a key the catalog does not know. */
export function conditionKeyType(key: string, catalog: CatalogView): ConditionKeyType | undefined {
  const loaded = loadedCount(catalog);
  let entry = indexes.get(catalog);
  if (entry === undefined || entry.loaded !== loaded) {
    entry = { loaded, index: buildIndex(catalog) };
    indexes.set(catalog, entry);
  }
  const folded = foldCase(key);
  const exact = entry.index.exact.get(folded);
  if (exact !== undefined) return exact;
  for (const [pattern, type] of entry.index.patterns) if (wildcardMatch(pattern, folded)) return type;
  return undefined;
}

/** Is a key of this type multivalued (ArrayOf...)? */
export function isMultivalued(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf');
}
