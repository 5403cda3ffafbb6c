/** What the code editor and its diff take: shared by the lazy wrapper (code-editor.tsx) and Monaco's side (monaco-editors.tsx). */
export type CodeLanguage = 'json' | 'yaml' | 'plaintext' | 'xml' | 'html';

export interface CodeEditorProps {
  language: CodeLanguage;
  value: string;
  onChange?: (value: string) => void;
  /** When the editor loses focus (e.g. to apply YAML typed into it). */
  onBlur?: () => void;
  readOnly?: boolean;
  /** The accessible name of the editor's text area. */
  ariaLabel: string;
  /** Pixels, or a CSS length. */
  height: number | string;
  /** DOM id of the wrapper, so a problem can focus it. */
  id?: string;
}

export interface CodeDiffProps {
  original: string;
  modified: string;
  language: CodeLanguage;
  ariaLabel: string;
  height?: number | string;
}
