import {
  createContext,
  useDeferredValue,
  useEffect,
  useMemo,
  useReducer,
  type Dispatch,
  type ReactNode,
} from 'react';
import type { Finding, PolicyKind, PolicyModel, SourceRange } from '../policy/model';
import { parse } from '../policy/parse';
import { policySize, sizeReport, type SizeReport } from '../policy/size';
import { validate } from '../policy/validate';
import { loadDraft, saveDraft } from './draftStorage';
import { initialState, policyReducer, type BlockMeta, type EditorState, type PolicyAction } from './state/policyReducer';
import { useCatalog } from './useCatalog';

export interface Analysis {
  /** the model of the text, or of the last valid document while the text does not parse */
  readonly model: PolicyModel | null;
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

  const text = useDeferredValue(state.text);
  const kind: PolicyKind = state.kind;
  const parsed = useMemo(() => parse(text), [text]);
  const fallback = useMemo(
    () => (parsed.model ? null : parse(JSON.stringify(state.document))),
    [parsed, state.document],
  );
  const model = parsed.model ?? fallback?.model ?? null;

  const needed = useMemo(() => servicesOf(model), [model]);
  useEffect(() => {
    void loader.loadServices(needed).catch(() => {
      // a service that fails to load is validated without its details
    });
  }, [loader, needed]);

  const analysis = useMemo<Analysis>(() => {
    const sizeChars = policySize(parsed.model ? text : JSON.stringify(state.document));
    const size = sizeReport(sizeChars, kind);
    const findings: Finding[] = [...parsed.findings];
    if (parsed.model) {
      for (const f of validate(parsed.model, view, { kind, sizeChars })) {
        findings.push(f.range ? f : { ...f, range: parsed.locate(f.pointer) });
      }
    }
    void version; // re-validate as service details arrive
    return { model, findings, size, locate: parsed.locate };
  }, [parsed, text, state.document, kind, view, version, model]);


  return (
    <EditorDispatchContext.Provider value={dispatch}>
      <EditorStateContext.Provider value={state}>
        <AnalysisContext.Provider value={analysis}>{children}</AnalysisContext.Provider>
      </EditorStateContext.Provider>
    </EditorDispatchContext.Provider>
  );
}
