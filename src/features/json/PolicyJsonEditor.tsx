/**
 * The live JSON view: Monaco bound to the editor's reducer. Loaded behind React.lazy (JsonPanel).
 *
 * - Typing dispatches setText on every change, as a transition; the reducer keeps the text exactly
 *   as typed.
 * - When the text changes for another reason (a visual edit, undo, redo, import: textRevision goes
 *   up), the smallest replacement is applied to the model, so the cursor and scroll stay.
 * - Findings (parse and validation) are the markers.
 * - Undo and redo inside Monaco go to the reducer: one history for visual and JSON edits.
 */
import { alpha, useTheme } from '@mui/material/styles';
import { startTransition, useCallback, useEffect, useMemo, useRef } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { EditorState } from '../../editor/policyReducer';
import { selectFindings, useAnalysisSelector, useEditorDispatch, useEditorSelector, useEditorStore } from '../../editor/useEditor';
import { findingMarkers, type MarkerLevel } from './findingMarkers';
import type { JsonEditorApi } from './jsonEditorApi';
import { MonacoEditor } from './MonacoEditor';
import { monaco } from './monaco';
import { registerPolicyLanguage, type CatalogAccess } from './policyLanguage';
import { POLICY_MODEL_URI } from './policySchema';
import { textChange } from './textChange';

export interface PolicyJsonEditorProps {
  /** called with the editor's API once it exists, and with null when it goes */
  readonly onReady: (api: JsonEditorApi | null) => void;
}

const MARKER_OWNER = 'policy';
const selectTextRevision = (state: EditorState) => state.textRevision;
const SYNC_SOURCE = 'policy-sync';
const CHANGED_LINE_MS = 1500;

const MARKER_SEVERITY: Readonly<Record<MarkerLevel, monaco.MarkerSeverity>> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
  hint: monaco.MarkerSeverity.Hint,
};

const EDITOR_OPTIONS: monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions = {
  fontSize: 13,
  lineHeight: 19,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  wordWrap: 'off',
  renderLineHighlight: 'line',
  quickSuggestions: { other: 'on', comments: 'off', strings: 'on' },
  suggestOnTriggerCharacters: true,
  suggest: { showStatusBar: false, preview: false },
  fixedOverflowWidgets: true,
  formatOnPaste: false,
  folding: true,
  glyphMargin: false,
  lineNumbersMinChars: 3,
  padding: { top: 8, bottom: 8 },
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  stickyScroll: { enabled: false },
  // Work a key would cost over the whole document that a policy does not need: suggestions of the
  // document's words (the catalog completes action names), occurrences of the word at the cursor,
  // and color swatches.
  wordBasedSuggestions: 'off',
  occurrencesHighlight: 'off',
  colorDecorators: false,
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
};

export default function PolicyJsonEditor({ onReady }: PolicyJsonEditorProps) {
  // Typing here changes the text, which this view already shows: it follows the text only when it
  // changes for another reason (textRevision), and the findings.
  const store = useEditorStore();
  const textRevision = useEditorSelector(selectTextRevision);
  const dispatch = useEditorDispatch();
  const findings = useAnalysisSelector(selectFindings);
  const { loader, view } = useCatalog();
  const theme = useTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  /** set while the view applies the reducer's text, so that edit is not dispatched back */
  const applying = useRef(false);
  const appliedRevision = useRef(textRevision);
  const catalog = useRef<CatalogAccess>({ view, loadService: (prefix) => loader.loadService(prefix) });
  useEffect(() => {
    catalog.current = { view, loadService: (prefix) => loader.loadService(prefix) };
  }, [loader, view]);

  const onChange = useCallback(
    (text: string) => {
      if (applying.current) return;
      // A transition: Monaco paints the key at once, and the blocks follow in time slices that the
      // next key may interrupt (a big policy never makes typing wait for its blocks).
      const at = Date.now();
      startTransition(() => dispatch({ type: 'setText', text, at }));
    },
    [dispatch],
  );

  const onMount = useCallback(
    (editor: monaco.editor.IStandaloneCodeEditor) => {
      editorRef.current = editor;
      const language = registerPolicyLanguage(() => catalog.current);
      const keys = monaco.KeyMod;
      const code = monaco.KeyCode;
      const actions = [
        editor.addAction({
          id: 'workbench.undo',
          label: 'Undo (policy history)',
          keybindings: [keys.CtrlCmd | code.KeyZ],
          run: () => startTransition(() => dispatch({ type: 'undo' })),
        }),
        editor.addAction({
          id: 'workbench.redo',
          label: 'Redo (policy history)',
          keybindings: [keys.CtrlCmd | keys.Shift | code.KeyZ, keys.CtrlCmd | code.KeyY],
          run: () => startTransition(() => dispatch({ type: 'redo' })),
        }),
      ];
      const api: JsonEditorApi = {
        reveal(range) {
          const model = editor.getModel();
          if (!model) return;
          editor.layout();
          const target = model.validateRange(
            new monaco.Range(range.line, range.column, range.endLine, range.endColumn),
          );
          editor.setSelection(target);
          editor.revealRangeInCenterIfOutsideViewport(target, monaco.editor.ScrollType.Immediate);
          editor.focus();
        },
      };
      onReady(api);
      return () => {
        onReady(null);
        for (const action of actions) action.dispose();
        language.dispose();
        editorRef.current = null;
      };
    },
    [dispatch, onReady],
  );

  // The reducer's text, when it changed for a reason other than typing here.
  useEffect(() => {
    if (appliedRevision.current === textRevision) return undefined;
    appliedRevision.current = textRevision;
    const text = store.state.text;
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return undefined;
    const change = textChange(model.getValue(), text);
    if (!change) return undefined;
    const range = monaco.Range.fromPositions(
      model.getPositionAt(change.start),
      model.getPositionAt(change.end),
    );
    applying.current = true;
    try {
      editor.executeEdits(SYNC_SOURCE, [{ range, text: change.text, forceMoveMarkers: false }]);
    } finally {
      applying.current = false;
    }
    const first = model.getPositionAt(change.start);
    const last = model.getPositionAt(change.start + change.text.length);
    const changed = new monaco.Range(first.lineNumber, first.column, last.lineNumber, last.column);
    if (editor.hasTextFocus()) {
      // undo or redo from the keyboard here: put the cursor where the text changed
      editor.setPosition(last);
      editor.revealPositionInCenterIfOutsideViewport(last);
    } else {
      editor.revealRangeInCenterIfOutsideViewport(changed);
    }
    const highlight = editor.createDecorationsCollection([
      { range: changed, options: { isWholeLine: true, className: 'json-changed-line' } },
    ]);
    const timer = window.setTimeout(() => highlight.clear(), CHANGED_LINE_MS);
    return () => {
      window.clearTimeout(timer);
      highlight.clear();
    };
  }, [textRevision, store]);

  // Findings as markers.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      findingMarkers(findings).map(({ level, ...marker }) => ({
        ...marker,
        severity: MARKER_SEVERITY[level],
      })),
    );
  }, [findings]);

  const sx = useMemo(
    () => ({
      '& .monaco-editor .json-changed-line': { backgroundColor: alpha(theme.palette.primary.main, 0.12) },
    }),
    [theme],
  );

  return (
    <MonacoEditor
      defaultValue={store.state.text}
      modelUri={POLICY_MODEL_URI}
      language="json"
      ariaLabel="Policy JSON"
      options={EDITOR_OPTIONS}
      onChange={onChange}
      onMount={onMount}
      testId="json-editor"
      sx={sx}
    />
  );
}
