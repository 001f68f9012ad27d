/**
 * The one Monaco wrapper the app owns. It creates the model and the editor, follows the MUI theme
 * (light and dark), lets hovers and suggestions escape their container (`overflowWidgetsDomNode`),
 * lays out automatically, and disposes the editor and its model on unmount.
 *
 * Import it only behind React.lazy: it brings Monaco (see monaco.ts).
 */
import Box from '@mui/material/Box';
import { useTheme, type Theme } from '@mui/material/styles';
import type { SxProps } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { editorThemeData, paletteColors, tabHintText, themeName } from './editorTheme';
import { monaco } from './monaco';

export interface MonacoEditorProps {
  /** the text of the model when the editor is created; later changes go through the editor */
  readonly defaultValue: string;
  /** the model's URI (language features such as JSON schemas match on it) */
  readonly modelUri: string;
  readonly language: string;
  /** the accessible name of the editor's input */
  readonly ariaLabel: string;
  readonly options?: monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions;
  /** every change of the model's text: typing, paste, and edits made through the editor */
  readonly onChange?: (value: string, event: monaco.editor.IModelContentChangedEvent) => void;
  /** once the editor exists; the returned function runs before it is disposed */
  readonly onMount?: (editor: monaco.editor.IStandaloneCodeEditor) => void | (() => void);
  readonly testId?: string;
  readonly sx?: SxProps<Theme>;
  /**
   * Show, under the editor, what Tab does and the key that lets Tab move focus out (Monaco keeps
   * Tab to indent). Default: shown unless the editor is read-only.
   */
  readonly tabHint?: boolean;
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}


/** Widgets (hovers, suggestions) live here, above the app's panels and below its dialogs. */
function createOverflowRoot(): HTMLDivElement {
  const node = document.createElement('div');
  // Monaco's widget styles and theme variables are scoped to .monaco-editor.
  node.className = 'monaco-editor workbench-monaco-overflow';
  node.style.position = 'absolute';
  node.style.top = '0';
  node.style.left = '0';
  node.style.width = '0';
  node.style.height = '0';
  node.style.zIndex = '1250';
  document.body.append(node);
  return node;
}

export function MonacoEditor({
  defaultValue,
  modelUri,
  language,
  ariaLabel,
  options,
  onChange,
  onMount,
  testId,
  sx,
  tabHint = options?.readOnly !== true,
}: MonacoEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  // Monaco's Tab focus mode (Ctrl+M, or Ctrl+Shift+M on macOS): Tab moves focus instead of indenting
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useTheme();
  const mode = theme.palette.mode;
  const colors = useMemo(() => paletteColors(theme), [theme]);

  // The latest props, for the editor created once.
  const latest = useRef({ defaultValue, ariaLabel, options, onChange, onMount, mode });
  useEffect(() => {
    latest.current = { defaultValue, ariaLabel, options, onChange, onMount, mode };
  });

  // Themes are global in Monaco: define this mode's theme from the palette and use it.
  useEffect(() => {
    monaco.editor.defineTheme(themeName(colors.mode), editorThemeData(colors));
    monaco.editor.setTheme(themeName(colors.mode));
  }, [colors]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const props = latest.current;
    const uri = monaco.Uri.parse(modelUri);
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(props.defaultValue, language, uri);
    const overflow = createOverflowRoot();
    const editor = monaco.editor.create(host, {
      model,
      theme: themeName(props.mode),
      ariaLabel: props.ariaLabel,
      automaticLayout: true,
      overflowWidgetsDomNode: overflow,
      fixedOverflowWidgets: true,
      ...props.options,
    });
    editorRef.current = editor;
    const changes = model.onDidChangeContent((event) => latest.current.onChange?.(model.getValue(), event));
    const tabMode = monaco.editor.EditorOption.tabFocusMode;
    setTabMovesFocus(editor.getOption(tabMode));
    const configuration = editor.onDidChangeConfiguration((e) => {
      if (e.hasChanged(tabMode)) setTabMovesFocus(editor.getOption(tabMode));
    });
    // The Tab-trap key, owned here so the hint always says what Tab does: Ctrl+M (Ctrl+Shift+M on
    // macOS) switches between Tab inserting a tab and Tab moving focus.
    const toggleTabFocus = () => editor.updateOptions({ tabFocusMode: !editor.getOption(tabMode) });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, toggleTabFocus);
    editor.addCommand(monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM, toggleTabFocus);
    // the hint describes the editor's input to screen readers too
    // (Monaco's input is an EditContext element, or a textarea where the browser lacks EditContext)
    host.querySelector('.native-edit-context, textarea')?.setAttribute('aria-describedby', hintId);
    const cleanup = props.onMount?.(editor);
    return () => {
      cleanup?.();
      configuration.dispose();
      changes.dispose();
      editorRef.current = null;
      editor.dispose();
      model.dispose();
      overflow.remove();
    };
  }, [modelUri, language, hintId]);

  useEffect(() => {
    if (options) editorRef.current?.updateOptions(options);
  }, [options]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel });
  }, [ariaLabel]);

  return (
    <Box
      data-testid={testId}
      sx={[
        { width: '100%', height: '100%', minHeight: 0, display: 'flex', flexDirection: 'column' },
        ...(Array.isArray(sx) ? sx : sx ? [sx] : []),
      ]}
    >
      <Box ref={hostRef} sx={{ flex: 1, width: '100%', minHeight: 0, overflow: 'hidden' }} />
      {tabHint && (
        <Typography
          id={hintId}
          variant="caption"
          color="text.secondary"
          component="p"
          sx={{ m: 0, px: 1, py: 0.25, borderTop: 1, borderColor: 'divider', flexShrink: 0 }}
        >
          {tabHintText(tabMovesFocus, isMac())}
        </Typography>
      )}
    </Box>
  );
}
