import {
  createContext,
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useReducer,
  useState,
  type Dispatch,
  type ReactNode,
} from 'react';
import type { JsonValue, PolicyKind, PolicyModel, StatementView } from '../policy/model';
import { buildModel } from '../policy/parse';
import { policySize, sizeReport } from '../policy/size';
import { EditorStore, EditorStoreContext, type Analysis } from './editorStore';
import { loadDraft } from './draftStorage';
import { useBackgroundAnalysis } from './useBackgroundAnalysis';
import { useDraftPersistence, type DraftSync } from './useDraftPersistence';
import { initialState, policyReducer, type BlockMeta, type EditorState, type PolicyAction } from './policyReducer';
import { useCatalog } from './useCatalog';

export type { Analysis } from './editorStore';

export const EditorDispatchContext = createContext<Dispatch<PolicyAction> | null>(null);
/** the state as the rendering pass sees it: for the blocks only (see useRenderedState) */
export const RenderedStateContext = createContext<EditorState | null>(null);
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
/** the model of each document (documents are never mutated) */
const documentModels = new WeakMap<object, PolicyModel>();

/**
 * The model of a document, with the views of unchanged statements reused: worked out once per
 * document (the provider's analysis and the blocks, which may show a document a moment older,
 * share it).
 */
export function modelOfDocument(document: JsonValue): PolicyModel {
  if (typeof document !== 'object' || document === null) return stableModel(buildModel(document));
  let model = documentModels.get(document);
  if (!model) {
    model = stableModel(buildModel(document));
    documentModels.set(document, model);
  }
  return model;
}

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

  // The blocks render from the current document in the reducer's own pass (never from a deferred
  // parse, so fast typing in a field loses nothing); findings come from the deferred text.
  const model = modelOfDocument(state.document);
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

  // The state and the analysis reach the page through the store: parts that select from it
  // re-render only when what they select changes. One context carries the state for the blocks,
  // which must render in the same pass as the reducer (JSON typing is a transition that the next
  // key may interrupt; a store's update would be a blocking one).
  const [store] = useState(() => new EditorStore(state, analysis));
  useLayoutEffect(() => store.set(state, analysis), [store, state, analysis]);

  return (
    <EditorDispatchContext.Provider value={dispatch}>
      <EditorStoreContext.Provider value={store}>
        <RenderedStateContext.Provider value={state}>
          <DraftSyncContext.Provider value={sync}>{children}</DraftSyncContext.Provider>
        </RenderedStateContext.Provider>
      </EditorStoreContext.Provider>
    </EditorDispatchContext.Provider>
  );
}
