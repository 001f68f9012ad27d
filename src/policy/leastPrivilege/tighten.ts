/**
 * Tighten: the narrowings available per Allow statement. Resource "*" where some actions take
 * ARNs, a read-only statement (by its Sid or the policy's Id) that holds Write or Permissions
 * management actions, "*" or "service:*" actions, and Allow with NotAction. Pure.
 */
import type { CatalogView } from '../../catalog/catalog';
import { compactActionSet } from '../compact';
import type { JsonObject, JsonValue, PolicyModel, StatementView } from '../model';
import { resolveActions, type ResolvedAction } from './catalogFacts';

export type TightenKind = 'resource-star' | 'read-only-grants-write' | 'star-action' | 'allow-not-action';

export interface TightenSuggestion {
  readonly kind: TightenKind;
  readonly statement: StatementView;
  readonly message: string;
  /** pointer of the element the suggestion is about */
  readonly pointer: string;
  /** the statements that replace this one, when a one-click change exists */
  readonly replacement?: readonly JsonObject[];
  /** what the one-click change does, for its button */
  readonly fixLabel?: string;
}

const READ_ONLY = /read[-_ ]?only|readonly/i;

function listValue(values: readonly string[]): JsonValue {
  return values.length === 1 ? (values[0] as string) : [...values];
}

function matched(statement: StatementView, catalog: CatalogView): ResolvedAction[] {
  const seen = new Set<string>();
  const out: ResolvedAction[] = [];
  for (const value of statement.action?.values ?? []) {
    for (const action of resolveActions(value, catalog)) {
      if (seen.has(action.name.toLowerCase())) continue;
      seen.add(action.name.toLowerCase());
      out.push(action);
    }
  }
  return out;
}

function examples(names: readonly string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

export function tightenSuggestions(model: PolicyModel, catalog: CatalogView): TightenSuggestion[] {
  const out: TightenSuggestion[] = [];
  const policyReadOnly = model.id !== undefined && READ_ONLY.test(model.id);
  for (const statement of model.statements) {
    if (statement.effect !== 'Allow') continue;
    if (statement.notAction) {
      out.push({
        kind: 'allow-not-action',
        statement,
        pointer: `${statement.pointer}/NotAction`,
        message:
          'Allow with NotAction allows every other action of every service, including actions AWS adds later. List the actions you need in Action instead.',
      });
      continue;
    }
    if (!statement.action) continue;
    const actions = matched(statement, catalog);
    const stars = statement.action.values.filter((v) => v === '*' || /^[^:*?]+:\*$/.test(v));
    if (stars.length > 0) {
      out.push({
        kind: 'star-action',
        statement,
        pointer: `${statement.pointer}/Action`,
        message: `${stars.map((s) => `"${s}"`).join(', ')} allows every action${stars.includes('*') ? ' of every service' : ' of the service'}, and those AWS adds later. Pick the access levels or actions you need.`,
      });
    }
    const resources = statement.resource?.values ?? [];
    if (resources.length === 1 && resources[0] === '*' && !statement.notResource) {
      // Writes, permissions management and tagging on every resource are what least privilege is
      // about; reading or listing everything is a common, deliberate choice and is not flagged.
      const scoped = actions.filter(
        (a) =>
          statement.effect === 'Allow' &&
          a.detail &&
          !a.detail.wildcardOnly &&
          a.summary.accessLevel !== 'List' &&
          a.summary.accessLevel !== 'Read',
      );
      const rest = actions.filter((a) => !scoped.includes(a));
      if (scoped.length > 0 && !stars.includes('*')) {
        const names = scoped.map((a) => a.name);
        const replacement: JsonObject[] = [];
        const restNames = compactActionSet(
          rest.map((a) => a.summary),
          catalog,
        );
        const { Sid: _sid, ...withoutSid } = statement.raw;
        if (restNames.length > 0) replacement.push({ ...statement.raw, Action: listValue(restNames) });
        replacement.push({
          ...(restNames.length > 0 ? withoutSid : statement.raw),
          Action: listValue(
            compactActionSet(
              scoped.map((a) => a.summary),
              catalog,
            ),
          ),
          Resource: [],
        });
        out.push({
          kind: 'resource-star',
          statement,
          pointer: `${statement.pointer}/Resource`,
          message: `Resource "*" covers every resource, but ${examples(names)} can be limited to ARNs. Move them to a block of their own and give their ARNs.`,
          replacement,
          fixLabel: 'Move to a block with ARNs',
        });
      }
    }
    if (policyReadOnly || (statement.sid !== undefined && READ_ONLY.test(statement.sid))) {
      const changes = actions.filter(
        (a) => a.summary.accessLevel === 'Write' || a.summary.accessLevel === 'Permissions management',
      );
      if (changes.length > 0) {
        const keep = actions.filter((a) => !changes.includes(a));
        const kept = compactActionSet(
          keep.map((a) => a.summary),
          catalog,
        );
        out.push({
          kind: 'read-only-grants-write',
          statement,
          pointer: `${statement.pointer}/Action`,
          message: `This statement is read-only by its name, yet it allows ${changes.length} Write or Permissions management action${changes.length === 1 ? '' : 's'} (${examples(changes.map((a) => a.name))}). Remove them.`,
          ...(kept.length > 0
            ? {
                replacement: [{ ...statement.raw, Action: listValue(kept) }],
                fixLabel: 'Keep List, Read and Tagging only',
              }
            : {}),
        });
      }
    }
  }
  return out;
}
