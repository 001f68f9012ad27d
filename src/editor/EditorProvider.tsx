import {
  createContext,
  useDeferredValue,
  useEffect,
  useMemo,
  useReducer,
  type Dispatch,
  type ReactNode,
} from 'react';
import type { Finding, PolicyKind, PolicyModel, SourceRange, StatementView } from '../policy/model';
import { buildModel, parse } from '../policy/parse';
import { policySize, sizeReport, type SizeReport } from '../policy/size';
import { validate } from '../policy/validate';
import { loadDraft, saveDraft } from './draftStorage';
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

function init(): EditorState {
  const draft = loadDraft();
  if (!draft) return initialState();
  const state = initialState(draft.document, draft.kind, draft.text);
  const meta: Record<string, BlockMeta> = {};
  draft.meta.forEach((m, i) => {
    const id = state.ids[i];
    if (m && id) meta[id] = m;
  });
  return { ...state, meta };
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

/** Services named by the actions of a model, to load their details for validation. */
function servicesOf(model: PolicyModel | null): string[] {
  const prefixes = new Set<string>();
  for (const statement of model?.statements ?? []) {
    for (const list of [statement.action, statement.notAction]) {
      for (const action of list?.values ?? []) {
        const prefix = action.split(':')[0]?.toLowerCase();
        if (prefix && !prefix.includes('*') && !prefix.includes('?') && action.includes(':')) prefixes.add(prefix);
      }
    }
  }
  return [...prefixes];
}

export function EditorProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(policyReducer, undefined, init);
  const { loader, view, version } = useCatalog();

  // Autosave: the text as typed, the last valid document, the kind and the block notes.
  useEffect(() => {
    const handle = window.setTimeout(() => {
      saveDraft({
        text: state.text,
        document: state.document,
        kind: state.kind,
        meta: state.ids.map((id) => state.meta[id] ?? null),
        savedAt: new Date().toISOString(),
      });
    }, 250);
    return () => window.clearTimeout(handle);
  }, [state.text, state.document, state.kind, state.ids, state.meta]);

  // The blocks render from the current document at once (never from a deferred parse, so fast
  // typing in a field loses nothing); findings come from the deferred text and may lag a frame.
  const model = useMemo(() => stableModel(buildModel(state.document)), [state.document]);
  const text = useDeferredValue(state.text);
  const kind: PolicyKind = state.kind;
  const parsed = useMemo(() => parse(text), [text]);

  const needed = useMemo(() => servicesOf(model), [model]);
  useEffect(() => {
    void loader.loadServices(needed).catch(() => {
      // a service that fails to load is validated without its details
    });
  }, [loader, needed]);

  // Findings of the (deferred) text; re-validated as service details arrive (version).
  const checked = useMemo(() => {
    const findings: Finding[] = [...parsed.findings];
    const sizeChars = parsed.model ? policySize(text) : null;
    if (parsed.model && sizeChars !== null) {
      for (const f of validate(parsed.model, view, { kind, sizeChars })) {
        findings.push(f.range ? f : { ...f, range: parsed.locate(f.pointer) });
      }
    }
    void version;
    return { findings, sizeChars };
  }, [parsed, text, kind, view, version]);
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
        <AnalysisContext.Provider value={analysis}>{children}</AnalysisContext.Provider>
      </EditorStateContext.Provider>
    </EditorDispatchContext.Provider>
  );
}
