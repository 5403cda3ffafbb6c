/** The Monaco-backed editors; imported lazily by code-editor.tsx. */
import { useEffect, useRef } from 'react';
import { Editor } from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import { useTheme } from '@mui/material/styles';
import { monaco } from '../editor/monaco-setup';
import type { CodeDiffProps, CodeEditorProps } from './code-editor-props';

const BASE_OPTIONS = {
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  tabSize: 2,
  automaticLayout: true,
  renderLineHighlight: 'line' as const,
  wordWrap: 'on' as const,
  overviewRulerLanes: 0,
  hideCursorInOverviewRuler: true,
  // Let the page scroll when the wheel passes over an editor that has nothing more to scroll.
  scrollbar: { alwaysConsumeMouseWheel: false },
  fixedOverflowWidgets: true,
};

/**
 * Monaco keeps the text; `value` only brings changes made elsewhere (undo, the form). React may
 * commit a render that carries an older `value` than what was typed since (rendering yields to
 * input), so values this editor emitted itself are recognised and never written back over newer text.
 */
export function MonacoCodeEditor({ language, value, onChange, onBlur, readOnly, ariaLabel, height }: CodeEditorProps) {
  const dark = useTheme().palette.mode === 'dark';
  const editorRef = useRef<Parameters<OnMount>[0]>(undefined);
  // Emitted values not yet seen back in `value`, with their order.
  const pending = useRef(new Map<string, number>());
  const emitted = useRef(0);
  // The latest onBlur, so the listener registered once at mount never calls a stale one.
  const blurRef = useRef(onBlur);
  useEffect(() => {
    blurRef.current = onBlur;
  }, [onBlur]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const order = pending.current.get(value);
    if (order !== undefined) {
      if (order === emitted.current) pending.current.clear(); // caught up with the typing
      return;
    }
    if (editor.getValue() === value) return;
    const model = editor.getModel();
    if (!model) return;
    if (readOnly) model.setValue(value);
    else {
      // An edit, not setValue, so Ctrl+Z in the editor can still go back.
      editor.executeEdits('external', [{ range: model.getFullModelRange(), text: value, forceMoveMarkers: true }]);
      editor.pushUndoStop();
    }
  }, [value, readOnly]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.onDidBlurEditorText(() => blurRef.current?.());
  };
  return (
    <Editor
      height={height}
      language={language}
      defaultValue={value}
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(next) => {
        const text = next ?? '';
        pending.current.set(text, ++emitted.current);
        onChange?.(text);
      }}
      onMount={onMount}
      loading={null}
      options={{ ...BASE_OPTIONS, readOnly, ariaLabel, domReadOnly: readOnly }}
    />
  );
}

/**
 * A read-only diff. Built on Monaco directly rather than @monaco-editor/react's DiffEditor: that
 * one disposes the two text models before the diff widget lets go of them, and Monaco reports
 * "TextModel got disposed before DiffEditorWidget model got reset" as an uncaught error every time
 * a diff closes. Here the widget is disposed first, then the models it showed.
 */
export function MonacoCodeDiff({ original, modified, language, ariaLabel, height }: CodeDiffProps) {
  const dark = useTheme().palette.mode === 'dark';
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor>(undefined);
  const models = useRef<{ original: monaco.editor.ITextModel; modified: monaco.editor.ITextModel }>(undefined);
  // The first texts, for the models made at mount; later texts arrive through the effects below.
  const initial = useRef({ original, modified, language, ariaLabel });

  useEffect(() => {
    if (!container.current) return;
    const first = initial.current;
    const pair = { original: monaco.editor.createModel(first.original, first.language), modified: monaco.editor.createModel(first.modified, first.language) };
    const editor = monaco.editor.createDiffEditor(container.current, {
      ...BASE_OPTIONS,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      // Without the diff's overview ruler both halves are as wide, so equal lines wrap alike and
      // no filler hatching suggests a difference where there is none.
      renderOverviewRuler: false,
      // Always two halves: the screens caption a diff "Left: … Right: …", which the inline view
      // Monaco switches to in narrow windows would make untrue.
      useInlineViewWhenSpaceIsLimited: false,
      ariaLabel: first.ariaLabel,
    });
    editor.setModel(pair);
    editorRef.current = editor;
    models.current = pair;
    return () => {
      editorRef.current = undefined;
      models.current = undefined;
      editor.dispose();
      pair.original.dispose();
      pair.modified.dispose();
    };
  }, []);

  useEffect(() => {
    const pair = models.current;
    if (!pair) return;
    if (pair.original.getValue() !== original) pair.original.setValue(original);
    if (pair.modified.getValue() !== modified) pair.modified.setValue(modified);
  }, [original, modified]);

  useEffect(() => {
    const pair = models.current;
    if (!pair) return;
    monaco.editor.setModelLanguage(pair.original, language);
    monaco.editor.setModelLanguage(pair.modified, language);
  }, [language]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel });
  }, [ariaLabel]);

  useEffect(() => {
    // Monaco has one theme for the whole page, as the other editors set it.
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [dark]);

  return <div ref={container} style={{ height, width: '100%' }} />;
}
