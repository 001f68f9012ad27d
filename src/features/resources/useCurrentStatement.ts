import { useEditorState } from '../../app/useEditor';
import { statementsOf } from '../../app/state/policyReducer';
import { isJsonObject } from '../../policy/json';
import type { JsonObject } from '../../policy/model';

/**
 * The block's statement as it is in the editor state right now. The blocks are drawn from a
 * deferred parse, which can lag a keystroke behind; edits are computed from this instead, so that
 * quick successive edits never start from an older value.
 */
export function useCurrentStatement(id: string): JsonObject | undefined {
  const state = useEditorState();
  const index = state.ids.indexOf(id);
  const statement = index >= 0 ? statementsOf(state.document)[index] : undefined;
  return isJsonObject(statement) ? statement : undefined;
}
