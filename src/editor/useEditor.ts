import { useContext, type Dispatch } from 'react';
import { DraftSyncContext, EditorDispatchContext, RenderedStateContext, type Analysis } from './EditorProvider';
import { selectWhole, useAnalysisSelector, useEditorSelector } from './editorStore';
import type { DraftSync } from './useDraftPersistence';
import type { EditorState, PolicyAction } from './policyReducer';

/** The whole editor state: re-renders on every change (select what you need with useEditorSelector). */
export function useEditorState(): EditorState {
  return useEditorSelector<EditorState>(selectWhole);
}

export function useEditorDispatch(): Dispatch<PolicyAction> {
  const value = useContext(EditorDispatchContext);
  if (!value) throw new Error('useEditorDispatch outside EditorProvider');
  return value;
}

/**
 * The state as this rendering pass sees it, for the blocks: when typing in the JSON view (a
 * transition) the blocks render in the same interruptible pass as the reducer, never as a
 * blocking update of their own. Everything else reads the store (useEditorSelector).
 */
export function useRenderedState(): EditorState {
  const value = useContext(RenderedStateContext);
  if (!value) throw new Error('useRenderedState outside EditorProvider');
  return value;
}

/** The whole analysis: re-renders on every change (select what you need with useAnalysisSelector). */
export function useAnalysis(): Analysis {
  return useAnalysisSelector<Analysis>(selectWhole);
}

/** Whether another tab changed the draft, and the user's two ways out. */
export function useDraftSync(): DraftSync {
  const value = useContext(DraftSyncContext);
  if (!value) throw new Error('useDraftSync outside EditorProvider');
  return value;
}

export {
  selectDocument,
  selectFindings,
  selectKind,
  selectNothing,
  selectSize,
  selectTextValid,
  selectWhole,
  useAnalysisSelector,
  useEditorSelector,
  useEditorStore,
} from './editorStore';
