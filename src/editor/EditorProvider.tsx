import {
  createContext,
  useDeferredValue,
  useMemo,
  useReducer,
  type Dispatch,
  type ReactNode,
} from 'react';
import type { Finding, PolicyKind, PolicyModel, SourceRange, StatementView } from '../policy/model';
import { buildModel } from '../policy/parse';
import { policySize, sizeReport, type SizeReport } from '../policy/size';
import { loadDraft } from './draftStorage';
import { useBackgroundAnalysis } from './useBackgroundAnalysis';
import { useDraftPersistence, type DraftSync } from './useDraftPersistence';
import { initialState, policyReducer, type BlockMeta, type EditorState, type PolicyAction } from './policyReducer';
import { useCatalog } from './useCatalog';

export interface Analysis {
  /** the model of the current document (the last valid one while the text does not parse) */
  readonly model: PolicyModel;
  readonly findings: readonly Finding[];
  readonly size: SizeReport;
  readonly locate: (pointer: string) => SourceRange | undefined;
}

export const EditorStateContext = createContext<EditorState | null>(null);
export const EditorDispatchContext = createContext<Dispatch<PolicyAction> | null>(null);
export const AnalysisContext = createContext<Analysis | null>(null);
export const DraftSyncContext = createContext<DraftSync | null>(null);

function init(): EditorState {
  const draft = loadDraft();
  if (!draft) return initialState();
  const state = initialState(draft.document, draft.kind, draft.text);
  const meta: Record<string, BlockMeta> = {};
  draft.meta.forEach((m, i) => {
    const id = state.ids[i];
    if (m && id) meta[id] = m;
  });
  return { ...state, meta, ...(draft.origin ? { origin: draft.origin } : {}) };
}

/**
 * Statement views keyed by their raw statement object. Edits share unchanged statements
 * structurally, so reusing their views keeps the props of unchanged blocks identical and lets
 * React skip them.
 */
const statementViews = new WeakMap<object, StatementView>();

function stableModel(model: PolicyModel): PolicyModel {
  let changed = false;
  const statements = model.statements.map((view) => {
    const cached = statementViews.get(view.raw);
    if (cached && cached.index === view.index && cached.pointer === view.pointer) {
      changed = true;
      return cached;
    }
    statementViews.set(view.raw, view);
    return view;
  });
  return changed ? { ...model, statements } : model;
}

export function EditorProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(policyReducer, undefined, init);
  const { loader, view, version } = useCatalog();

  const sync = useDraftPersistence(state, dispatch);

  // The blocks render from the current document at once (never from a deferred parse, so fast
  // typing in a field loses nothing); findings come from the deferred parse and may lag a frame.
  const model = useMemo(() => stableModel(buildModel(state.document)), [state.document]);
  const kind: PolicyKind = state.kind;
  const deferred = useDeferredValue(state);
  const { text, parsed } = deferred;

  // Findings of the (deferred) text, worked out in a worker; typing never waits for them.
  const checked = useBackgroundAnalysis(text, parsed, kind, view, loader, version);
  // While the text does not parse, the size is the last valid document's.
  const fallbackSize = useMemo(
    () => (checked.sizeChars === null ? policySize(JSON.stringify(state.document)) : 0),
    [checked.sizeChars, state.document],
  );

  const analysis = useMemo<Analysis>(
    () => ({
      model,
      findings: checked.findings,
      size: sizeReport(checked.sizeChars ?? fallbackSize, kind),
      locate: parsed.locate,
    }),
    [model, checked, fallbackSize, kind, parsed.locate],
  );

  return (
    <EditorDispatchContext.Provider value={dispatch}>
      <EditorStateContext.Provider value={state}>
        <AnalysisContext.Provider value={analysis}>
          <DraftSyncContext.Provider value={sync}>{children}</DraftSyncContext.Provider>
        </AnalysisContext.Provider>
      </EditorStateContext.Provider>
    </EditorDispatchContext.Provider>
  );
}
