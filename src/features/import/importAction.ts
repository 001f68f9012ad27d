import type { BlockMeta, PolicyAction } from '../../editor/policyReducer';
import { emptyStatement, statementsOf } from '../../editor/policyReducer';
import type { JsonObject, JsonValue } from '../../policy/model';
import { canonicalJson } from '../../policy/grants';
import { withUniqueSids } from './uniqueSids';

/** Where imported statements go: after the draft's blocks, or instead of them. */
export type Placement = 'append' | 'replace';

export type BlockSource = NonNullable<BlockMeta['source']>;

export interface ImportedPolicy {
  readonly document: JsonObject;
  readonly statements: readonly JsonObject[];
  /** the document's text as given (pasted, opened, dropped): it replaces the draft byte for byte */
  readonly text?: string;
}

/**
 * The one undoable reducer action that imports a policy by copy: its statements become ordinary
 * blocks, each remembering `source` when there is one. Appended statements get unique Sids.
 */
export function importAction(
  placement: Placement,
  draft: JsonValue,
  imported: ImportedPolicy,
  label: string,
  source?: BlockSource,
): PolicyAction {
  const meta: BlockMeta | undefined = source ? { source } : undefined;
  if (placement === 'replace') {
    return {
      type: 'replaceDocument',
      document: imported.document,
      ...(imported.text !== undefined ? { text: imported.text } : {}),
      label,
      ...(meta ? { meta: imported.statements.map(() => meta) } : {}),
    };
  }
  const statements = withUniqueSids(statementsOf(draft), imported.statements);
  return { type: 'appendBlocks', statements, ...(meta ? { meta } : {}) };
}

const EMPTY = canonicalJson(emptyStatement());

/** True for the policy a new draft starts with (one empty Allow block) or no statement at all. */
export function isPristineDraft(document: JsonValue): boolean {
  const statements = statementsOf(document);
  return statements.length === 0 || (statements.length === 1 && canonicalJson(statements[0]) === EMPTY);
}
