import { useContext, type Dispatch } from 'react';
import { AnalysisContext, DraftSyncContext, EditorDispatchContext, EditorStateContext, type Analysis } from './EditorProvider';
import type { DraftSync } from './useDraftPersistence';
import type { EditorState, PolicyAction } from './policyReducer';

export function useEditorState(): EditorState {
  const value = useContext(EditorStateContext);
  if (!value) throw new Error('useEditorState outside EditorProvider');
  return value;
}

export function useEditorDispatch(): Dispatch<PolicyAction> {
  const value = useContext(EditorDispatchContext);
  if (!value) throw new Error('useEditorDispatch outside EditorProvider');
  return value;
}

export function useAnalysis(): Analysis {
  const value = useContext(AnalysisContext);
  if (!value) throw new Error('useAnalysis outside EditorProvider');
  return value;
}

/** Whether another tab changed the draft, and the user's two ways out. */
export function useDraftSync(): DraftSync {
  const value = useContext(DraftSyncContext);
  if (!value) throw new Error('useDraftSync outside EditorProvider');
  return value;
}
