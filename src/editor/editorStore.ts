/**
 * The editor's state and analysis as a store that parts of the page subscribe to by selector: a
 * part re-renders only when what it selects changes. A keystroke in the JSON view changes the
 * state and the analysis; the toolbar, which selects "can undo" and the policy kind, stays as it is.
 *
 * The provider writes each committed state into the store (in a layout effect, before paint);
 * `useEditorState()` (the context) stays for the few parts that show the whole document.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Finding, PolicyModel, SourceRange } from '../policy/model';
import type { SizeReport } from '../policy/size';
import type { EditorState } from './policyReducer';

export interface Analysis {
  /** the model of the current document (the last valid one while the text does not parse) */
  readonly model: PolicyModel;
  readonly findings: readonly Finding[];
  readonly size: SizeReport;
  readonly locate: (pointer: string) => SourceRange | undefined;
}

interface Snapshot {
  readonly state: EditorState;
  readonly analysis: Analysis;
}

export class EditorStore {
  private snapshot: Snapshot;
  private readonly listeners = new Set<() => void>();

  constructor(state: EditorState, analysis: Analysis) {
    this.snapshot = { state, analysis };
  }

  get state(): EditorState {
    return this.snapshot.state;
  }

  get analysis(): Analysis {
    return this.snapshot.analysis;
  }

  set(state: EditorState, analysis: Analysis): void {
    if (state === this.snapshot.state && analysis === this.snapshot.analysis) return;
    this.snapshot = { state, analysis };
    for (const listener of [...this.listeners]) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore outside EditorProvider');
  return store;
}

/**
 * What `select` picks of the editor's state; re-renders only when that changes (by Object.is), so
 * `select` returns a primitive or an object the state holds (never a new one).
 */
export function useEditorSelector<T>(select: (state: EditorState) => T): T {
  const store = useEditorStore();
  const get = useCallback(() => select(store.state), [store, select]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** What `select` picks of the analysis (findings, size, model); as `useEditorSelector`. */
export function useAnalysisSelector<T>(select: (analysis: Analysis) => T): T {
  const store = useEditorStore();
  const get = useCallback(() => select(store.analysis), [store, select]);
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Selectors several parts share (module constants, so a selector keeps one identity). */
export const selectDocument = (state: EditorState) => state.document;
export const selectTextValid = (state: EditorState) => state.textValid;
export const selectKind = (state: EditorState) => state.kind;
export const selectWhole = <T,>(value: T): T => value;
/** for a part that needs nothing while it is idle: `useEditorSelector(open ? selectDocument : selectNothing)` */
export const selectNothing = (): undefined => undefined;
export const selectFindings = (analysis: Analysis) => analysis.findings;
export const selectSize = (analysis: Analysis) => analysis.size;
