import { useContext, type Dispatch } from 'react';
import { AnalysisContext, EditorDispatchContext, EditorStateContext, type Analysis } from './EditorProvider';
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
