/**
 * A policy summary like the IAM console's: for Allow and for explicit Deny separately, one row
 * per service with the access granted (denied) at each access level, the resources and whether
 * conditions apply. Services the policy names that the catalog does not know are listed as
 * unrecognized, as are actions of a known service that match nothing.
 *
 * Each section is computed from its own statements only: a Deny does not reduce the Allow
 * section (the console shows them side by side too). Statements whose Effect is neither "Allow"
 * nor "Deny" are left out.
 */
import type { ActionSummary, CatalogView, ServiceSummary } from '../catalog/catalog';
import { ACCESS_LEVELS } from '../catalog/types';
import type { AccessLevel } from '../catalog/types';
import { actionKey, expandActionPattern, hasCondition, hasWildcard } from './expand';
import type { PolicyModel, StatementView } from './model';

export type AccessStatus = 'Full' | 'Limited' | 'None';

export interface AccessLevelSummary {
  readonly level: AccessLevel;
  /** Full: every action of this level in the service; None: no action; Limited: some */
  readonly status: AccessStatus;
  /** actions of this level the section's statements name */
  readonly count: number;
  /** actions of this level in the service */
  readonly total: number;
}

export interface ResourceSummary {
  /** true when a statement gives Resource "*" ("All resources") */
  readonly all: boolean;
  /** Resource values other than "*", in order of appearance, each once */
  readonly patterns: readonly string[];
  /** NotResource values ("All resources except …"), each once */
  readonly notResources: readonly string[];
}

export interface ServiceAccessSummary {
  readonly prefix: string;
  readonly name: string;
  /** 'Full' when every access level the service has is Full */
  readonly access: 'Full' | 'Limited';
  /** the five access levels in the console's order (levels the service lacks have total 0, status None) */
  readonly levels: readonly AccessLevelSummary[];
  readonly count: number;
  readonly total: number;
  /** the actions named, in catalog order */
  readonly actions: readonly ActionSummary[];
  readonly resources: ResourceSummary;
  /** true when any contributing statement has a Condition */
  readonly conditions: boolean;
  /** condition keys of the contributing statements, as written, each once */
  readonly conditionKeys: readonly string[];
  /** indexes of the statements that contribute to this row */
  readonly statements: readonly number[];
  /** patterns for this service that match no action in the catalog, as written */
  readonly unrecognizedActions: readonly string[];
}

export interface UnrecognizedService {
  /** the service prefix as written */
  readonly prefix: string;
  /** the patterns naming it, as written */
  readonly actions: readonly string[];
  readonly statements: readonly number[];
  /** the former name when the prefix belongs to a service AWS has retired */
  readonly retired?: string;
}

export interface EffectSummary {
  /** services with at least one action named (or an unrecognized action), sorted by name */
  readonly services: readonly ServiceAccessSummary[];
  /** services not in the catalog, sorted by prefix */
  readonly unrecognized: readonly UnrecognizedService[];
  /** patterns with a wildcard in the service part that match no catalog action */
  readonly unmatchedPatterns: readonly string[];
}

export interface PolicySummary {
  readonly allow: EffectSummary;
  /** explicit Deny statements, conditional ones included */
  readonly deny: EffectSummary;
}

interface RowAccumulator {
  readonly service: ServiceSummary;
  readonly keys: Set<string>;
  readonly statements: Set<number>;
  all: boolean;
  readonly patterns: Set<string>;
  readonly notResources: Set<string>;
  conditions: boolean;
  readonly conditionKeys: Set<string>;
  readonly unrecognizedActions: Set<string>;
}

interface SectionAccumulator {
  readonly rows: Map<string, RowAccumulator>;
  readonly unrecognized: Map<string, { prefix: string; actions: Set<string>; statements: Set<number> }>;
  readonly unmatched: Set<string>;
}

export function summarize(model: PolicyModel, catalog: CatalogView): PolicySummary {
  return {
    allow: summarizeEffect(
      model.statements.filter((s) => s.effect === 'Allow'),
      catalog,
    ),
    deny: summarizeEffect(
      model.statements.filter((s) => s.effect === 'Deny'),
      catalog,
    ),
  };
}

function summarizeEffect(statements: readonly StatementView[], catalog: CatalogView): EffectSummary {
  const section: SectionAccumulator = { rows: new Map(), unrecognized: new Map(), unmatched: new Set() };
  for (const statement of statements) addStatement(section, statement, catalog);

  const services = [...section.rows.values()].map(finishRow);
  services.sort((a, b) => compareText(a.name, b.name) || compareText(a.prefix, b.prefix));
  const unrecognized = [...section.unrecognized.values()].map((entry): UnrecognizedService => {
    const retired = retiredName(catalog, entry.prefix);
    return {
      prefix: entry.prefix,
      actions: [...entry.actions],
      statements: [...entry.statements],
      ...(retired !== undefined ? { retired } : {}),
    };
  });
  unrecognized.sort((a, b) => compareText(a.prefix, b.prefix));
  return { services, unrecognized, unmatchedPatterns: [...section.unmatched] };
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function retiredName(catalog: CatalogView, prefix: string): string | undefined {
  const retired = catalog.retiredServices;
  const lower = prefix.toLowerCase();
  for (const key of Object.keys(retired)) if (key.toLowerCase() === lower) return retired[key];
  return undefined;
}

function rowFor(section: SectionAccumulator, service: ServiceSummary): RowAccumulator {
  const prefix = service.prefix.toLowerCase();
  let row = section.rows.get(prefix);
  if (!row) {
    row = {
      service,
      keys: new Set(),
      statements: new Set(),
      all: false,
      patterns: new Set(),
      notResources: new Set(),
      conditions: false,
      conditionKeys: new Set(),
      unrecognizedActions: new Set(),
    };
    section.rows.set(prefix, row);
  }
  return row;
}

/** Records a pattern that matched nothing: unknown service, unknown action, or unmatched wildcard. */
function addUnmatched(
  section: SectionAccumulator,
  statement: StatementView,
  pattern: string,
  catalog: CatalogView,
): RowAccumulator | undefined {
  const colon = pattern.indexOf(':');
  const prefix = colon >= 0 ? pattern.slice(0, colon) : '';
  if (colon < 0 || hasWildcard(prefix)) {
    section.unmatched.add(pattern);
    return undefined;
  }
  const service = catalog.service(prefix);
  if (service) {
    const row = rowFor(section, service);
    row.unrecognizedActions.add(pattern);
    return row;
  }
  const lower = prefix.toLowerCase();
  let entry = section.unrecognized.get(lower);
  if (!entry) {
    entry = { prefix, actions: new Set(), statements: new Set() };
    section.unrecognized.set(lower, entry);
  }
  entry.actions.add(pattern);
  entry.statements.add(statement.index);
  return undefined;
}

function addStatement(section: SectionAccumulator, statement: StatementView, catalog: CatalogView): void {
  const touched = new Set<RowAccumulator>();
  const named = new Map<string, ActionSummary>();
  if (statement.action) {
    for (const pattern of statement.action.values) {
      const matches = expandActionPattern(pattern, catalog);
      if (matches.length === 0) {
        const row = addUnmatched(section, statement, pattern, catalog);
        if (row) touched.add(row);
      }
      for (const action of matches) named.set(actionKey(action), action);
    }
  } else if (statement.notAction) {
    const excluded = new Set<string>();
    for (const pattern of statement.notAction.values) {
      const matches = expandActionPattern(pattern, catalog);
      if (matches.length === 0) {
        const row = addUnmatched(section, statement, pattern, catalog);
        if (row) touched.add(row);
      }
      for (const action of matches) excluded.add(actionKey(action));
    }
    for (const action of catalog.allActions) {
      const key = actionKey(action);
      if (!excluded.has(key)) named.set(key, action);
    }
  }
  for (const [key, action] of named) {
    const service = catalog.service(action.service);
    if (!service) continue;
    const row = rowFor(section, service);
    row.keys.add(key);
    touched.add(row);
  }

  const conditional = hasCondition(statement);
  for (const row of touched) {
    row.statements.add(statement.index);
    if (statement.resource) {
      for (const value of statement.resource.values) {
        if (value === '*') row.all = true;
        else row.patterns.add(value);
      }
    }
    if (statement.notResource) for (const value of statement.notResource.values) row.notResources.add(value);
    if (conditional) row.conditions = true;
    for (const entry of statement.conditions) row.conditionKeys.add(entry.key);
  }
}

function statusOf(count: number, total: number): AccessStatus {
  if (count === 0) return 'None';
  return count >= total ? 'Full' : 'Limited';
}

function finishRow(row: RowAccumulator): ServiceAccessSummary {
  const actions = row.service.actions.filter((action) => row.keys.has(actionKey(action)));
  const levels = ACCESS_LEVELS.map((level): AccessLevelSummary => {
    const total = row.service.actions.filter((action) => action.accessLevel === level).length;
    const count = actions.filter((action) => action.accessLevel === level).length;
    return { level, status: statusOf(count, total), count, total };
  });
  const full = levels.every((level) => level.total === 0 || level.status === 'Full');
  return {
    prefix: row.service.prefix,
    name: row.service.name,
    access: full && actions.length > 0 ? 'Full' : 'Limited',
    levels,
    count: actions.length,
    total: row.service.actions.length,
    actions,
    resources: { all: row.all, patterns: [...row.patterns], notResources: [...row.notResources] },
    conditions: row.conditions,
    conditionKeys: [...row.conditionKeys],
    statements: [...row.statements].sort((a, b) => a - b),
    unrecognizedActions: [...row.unrecognizedActions],
  };
}
