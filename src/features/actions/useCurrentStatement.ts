import { useMemo } from 'react';
import { useEditorState } from '../../app/useEditor';
import { statementsOf } from '../../app/state/policyReducer';
import { isJsonObject } from '../../policy/json';
import type { StatementView } from '../../policy/model';
import { statementViewOf } from '../../policy/parse';

/**
 * The block's statement as it is in the editor state right now. The statement a block is handed
 * comes from the (deferred) analysis and may lag a click behind; edits must start from this one
 * so that quick clicks never undo each other. Keeps its identity while the statement's JSON does.
 */
export function useCurrentStatement(id: string, fallback: StatementView): StatementView {
  const state = useEditorState();
  const index = state.ids.indexOf(id);
  const raw = index >= 0 ? statementsOf(state.document)[index] : undefined;
  const current = useMemo(
    () => (isJsonObject(raw) ? statementViewOf(raw, index, `/Statement/${index}`) : undefined),
    [raw, index],
  );
  return current ?? fallback;
}
