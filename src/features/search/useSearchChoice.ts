import { useCallback, useEffect } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch, useEditorStore } from '../../editor/useEditor';
import type * as ApplyModule from './applySearchChoice';
import type { SearchOption } from './searchOptions';

export interface ChoiceOutcome {
  /** what happened, for the status line */
  readonly message: string;
  /** index of the block that got the choice */
  readonly blockIndex: number;
  /** true when the choice made a new block */
  readonly added?: boolean;
  /** the action added ("ecs:RunTask"), when the choice added one action */
  readonly addedAction?: string;
}

let applying: Promise<typeof ApplyModule> | undefined;
/** The code that applies a choice: out of the first screen's chunk, loaded once. */
function loadApply(): Promise<typeof ApplyModule> {
  applying ??= import('./applySearchChoice');
  applying.catch(() => {
    applying = undefined;
  });
  return applying;
}

/**
 * Applies a choice from the search box to the policy (one undo step) and says what it did. The
 * code that does it loads after the first screen (it is usually there before the first choice);
 * the choice applies to the editor's state when it runs.
 */
export function useSearchChoice(): (option: SearchOption) => Promise<ChoiceOutcome | undefined> {
  const store = useEditorStore();
  const dispatch = useEditorDispatch();
  const { loader, view } = useCatalog();
  useEffect(() => {
    const timer = window.setTimeout(() => void loadApply().catch(() => undefined), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return useCallback(
    async (option: SearchOption) => {
      const { applySearchChoice } = await loadApply();
      return applySearchChoice(option, { state: store.state, dispatch, loader, view });
    },
    [store, dispatch, loader, view],
  );
}
