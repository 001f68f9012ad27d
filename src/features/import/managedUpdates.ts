/**
 * "Keep it current": blocks imported from an AWS managed policy compared with the policy's latest
 * version in the catalog. The blocks from one policy are paired with the latest statements by
 * statementDiff (Sid first, then same context, then most entries in common).
 */
import type { CatalogView } from '../../catalog/catalog';
import { actionElement, canonicalJson, statementContext, statementObjects } from '../../policy/grants';
import { getMember } from '../../policy/json';
import type { JsonObject, JsonValue } from '../../policy/model';
import { statementDiff } from '../../policy/managedDiff';
import type { BlockSource } from './importAction';
import { formatCount, isNewerVersion } from './managedPolicyFilter';

export interface SourcedBlock {
  readonly id: string;
  readonly statement: JsonObject;
  readonly source: BlockSource;
}

export type BlockUpdate =
  | {
      readonly kind: 'changed';
      readonly latestVersion: string;
      /** catalog actions the latest statement names and the block does not ("service:Action") */
      readonly added: readonly string[];
      readonly removed: readonly string[];
      /** the latest statement's action element, as written there */
      readonly key: 'Action' | 'NotAction';
      readonly value: JsonValue;
      /** Effect, Resource, Condition, … differ too (not just the Sid) */
      readonly otherChanges: boolean;
      /** the latest statement, whole */
      readonly statement: JsonObject;
    }
  | {
      /** the latest version no longer has this statement */
      readonly kind: 'removed';
      readonly latestVersion: string;
    };

export interface PolicyUpdates {
  /** per block id, for blocks that the latest version changes */
  readonly blocks: ReadonlyMap<string, BlockUpdate>;
  /** statements of the latest version that no block corresponds to */
  readonly added: readonly JsonObject[];
  /** the first block (in draft order) from an older version: where to offer the added statements */
  readonly firstStale?: string;
}

const NONE: PolicyUpdates = { blocks: new Map(), added: [] };

function sidOf(statement: JsonObject): string | undefined {
  const sid = getMember(statement, 'Sid');
  return typeof sid === 'string' && sid !== '' ? sid : undefined;
}

/**
 * Updates for the blocks imported from one managed policy (`blocks`, in draft order) against its
 * latest document. Blocks already at `latestVersion` (or with an unknown version) are not
 * compared, but a latest statement they already hold (same Sid, or equal) is not "added".
 */
export function managedUpdates(
  blocks: readonly SourcedBlock[],
  latestVersion: string,
  latestDocument: JsonValue,
  catalog: CatalogView,
): PolicyUpdates {
  const stale = blocks.filter((block) => isNewerVersion(latestVersion, block.source.version));
  if (stale.length === 0) return NONE;
  const current = blocks.filter((block) => !stale.includes(block));
  const currentSids = new Set(current.map((block) => sidOf(block.statement)).filter((sid) => sid !== undefined));
  const currentTexts = new Set(current.map((block) => canonicalJson(block.statement)));
  const held = (statement: JsonObject) => {
    const sid = sidOf(statement);
    return (sid !== undefined && currentSids.has(sid)) || currentTexts.has(canonicalJson(statement));
  };
  const latest = statementObjects(latestDocument);
  const diff = statementDiff({ Statement: stale.map((block) => block.statement) }, latestDocument, catalog);
  const result = new Map<string, BlockUpdate>();
  const added: JsonObject[] = [];
  for (const entry of diff) {
    const block = entry.oldIndex === undefined ? undefined : stale[entry.oldIndex];
    const statement = entry.newIndex === undefined ? undefined : latest[entry.newIndex];
    if (!block) {
      if (statement && !held(statement)) added.push(statement);
      continue;
    }
    if (!statement) {
      result.set(block.id, { kind: 'removed', latestVersion });
      continue;
    }
    const addedActions = entry.addedActions ?? [];
    const removedActions = entry.removedActions ?? [];
    const element = actionElement(statement);
    const key = element?.key ?? 'Action';
    // A Sid added or renamed is not worth an update; anything else about the statement is.
    const otherChanges =
      statementContext(block.statement) !== statementContext(statement) || actionElement(block.statement)?.key !== element?.key;
    if (addedActions.length === 0 && removedActions.length === 0 && !otherChanges) continue;
    result.set(block.id, {
      kind: 'changed',
      latestVersion,
      added: addedActions,
      removed: removedActions,
      key,
      value: getMember(statement, key) ?? [],
      otherChanges,
      statement,
    });
  }
  return { blocks: result, added, ...(stale[0] ? { firstStale: stale[0].id } : {}) };
}

/** The fields of a 'setFields' that turn `current` into `latest` (keys only in `current` removed). */
export function wholeStatementFields(
  current: JsonObject,
  latest: JsonObject,
): Readonly<Record<string, JsonValue | undefined>> {
  const fields: Record<string, JsonValue | undefined> = {};
  for (const key of Object.keys(current)) fields[key] = undefined;
  for (const key of Object.keys(latest)) fields[key] = latest[key];
  return fields;
}

/** The fields of a 'setFields' that take only the latest action element. */
export function actionFields(update: Extract<BlockUpdate, { kind: 'changed' }>): Readonly<Record<string, JsonValue | undefined>> {
  return update.key === 'Action' ? { Action: update.value, NotAction: undefined } : { NotAction: update.value, Action: undefined };
}

/** "+3 actions, −1", "+1 action", "−2 actions; resources, conditions or effect changed". */
export function changeSummary(added: number, removed: number, otherChanges: boolean): string {
  const parts: string[] = [];
  if (added > 0) parts.push(`+${formatCount(added)} action${added === 1 ? '' : 's'}`);
  if (removed > 0) parts.push(added > 0 ? `−${formatCount(removed)}` : `−${formatCount(removed)} action${removed === 1 ? '' : 's'}`);
  const actions = parts.join(', ');
  if (!otherChanges) return actions;
  return actions === '' ? 'its resources, conditions or effect changed' : `${actions}; its resources, conditions or effect changed too`;
}
