/**
 * Dependent actions: what the statements' actions need besides themselves (the catalog's
 * dependentActions, built from src/catalog/dependentActions.ts), which of those the policy does not
 * allow, and the statements that add them scoped like the actions' resources (never "*" unless
 * the dependency takes nothing else), with iam:PassedToService for iam:PassRole. Pure.
 */
import type { CatalogView } from '../../catalog/catalog';
import { passedToServiceFor } from '../../catalog/dependentActions';
import { actionsAllowed } from '../expand';
import type { JsonObject, PolicyModel, StatementView } from '../model';
import {
  arnParts,
  fillTemplate,
  resolveActions,
  resourcesFit,
  actionArnTemplates,
  type ResolvedAction,
} from './catalogFacts';

export interface MissingDependency {
  /** "iam:PassRole", in catalog case */
  readonly dependency: string;
  /** the statement's actions that need it ("ecs:RunTask") */
  readonly neededBy: readonly string[];
}

export interface StatementDependencies {
  readonly statement: StatementView;
  readonly missing: readonly MissingDependency[];
}

/** The dependencies each Allow statement's actions need and the policy does not allow. */
export function missingDependencies(model: PolicyModel, catalog: CatalogView): StatementDependencies[] {
  const allowed = actionsAllowed(model, catalog);
  const result: StatementDependencies[] = [];
  for (const statement of model.statements) {
    if (statement.effect !== 'Allow' || !statement.action) continue;
    const missing = new Map<string, { dependency: string; neededBy: string[] }>();
    const seen = new Set<string>();
    for (const value of statement.action.values) {
      for (const action of resolveActions(value, catalog)) {
        if (seen.has(action.name.toLowerCase())) continue;
        seen.add(action.name.toLowerCase());
        for (const dependency of action.detail?.dependentActions ?? []) {
          const key = dependency.toLowerCase();
          if (allowed.has(key)) continue;
          let entry = missing.get(key);
          if (!entry) missing.set(key, (entry = { dependency, neededBy: [] }));
          entry.neededBy.push(action.name);
        }
      }
    }
    if (missing.size > 0) result.push({ statement, missing: [...missing.values()] });
  }
  return result;
}

/** The iam:PassedToService principals for the actions, or undefined when one of them has none known. */
export function passedToServices(actions: readonly string[]): string[] | undefined {
  const principals: string[] = [];
  for (const action of actions) {
    const entry = passedToServiceFor(action);
    if (!entry) return undefined;
    if (!principals.includes(entry.principal)) principals.push(entry.principal);
  }
  return principals;
}

/** The iam:PassRole statement for passing `roleArns` to the services that `neededBy` pass roles to. */
export function passRoleStatement(roleArns: readonly string[], neededBy: readonly string[]): JsonObject {
  const principals = passedToServices(neededBy);
  const statement: JsonObject = { Effect: 'Allow', Action: 'iam:PassRole', Resource: [...roleArns] };
  if (!principals || principals.length === 0) return statement;
  return {
    ...statement,
    Condition: {
      StringEquals: {
        'iam:PassedToService': principals.length === 1 ? (principals[0] as string) : principals,
      },
    },
  };
}

/** The role ARN offered before the user picks one: the statement's account, any role name left to fill. */
export function suggestedRoleArn(statement: StatementView): string {
  const parts = arnParts(statement.resource?.values ?? []);
  const account = parts.account === '*' || parts.account === '' ? '123456789012' : parts.account;
  return `arn:${parts.partition}:iam::${account}:role/`;
}

/**
 * Statements that add the missing dependencies of one statement: iam:PassRole on `roleArns`
 * (when given; it is left out otherwise), the others scoped like the statement's resources when
 * they fit the dependency's resource types, else its own resource type's ARN with the statement's
 * partition, Region and account, and "*" only for dependencies that take no resource at all.
 */
export function dependencyStatements(
  entry: StatementDependencies,
  catalog: CatalogView,
  roleArns?: readonly string[],
): JsonObject[] {
  const resources = entry.statement.resource?.values ?? [];
  const byResources = new Map<string, { resources: string[]; actions: string[] }>();
  const out: JsonObject[] = [];
  for (const missing of entry.missing) {
    if (missing.dependency.toLowerCase() === 'iam:passrole') {
      if (roleArns && roleArns.length > 0) out.push(passRoleStatement(roleArns, missing.neededBy));
      continue;
    }
    const [action] = resolveActions(missing.dependency, catalog) as (ResolvedAction | undefined)[];
    if (!action) continue;
    let scope: string[];
    if (action.detail?.wildcardOnly) scope = ['*'];
    else if (resources.length > 0 && resourcesFit(resources, action, catalog)) scope = [...resources];
    else {
      const parts = arnParts(resources);
      scope = [...new Set(actionArnTemplates(action, catalog).map((t) => fillTemplate(t, parts)))];
      if (scope.length === 0) scope = ['*'];
    }
    const key = scope.join('\n');
    let group = byResources.get(key);
    if (!group) byResources.set(key, (group = { resources: scope, actions: [] }));
    group.actions.push(action.name);
  }
  for (const group of byResources.values()) {
    out.push({
      Effect: 'Allow',
      Action: group.actions.length === 1 ? (group.actions[0] as string) : group.actions,
      Resource: group.resources.length === 1 ? (group.resources[0] as string) : group.resources,
    });
  }
  return out;
}
