/**
 * A code editor (Monaco) for bodies, samples and YAML. Monaco is loaded on first use, so the first
 * screen paints without it.
 */
import { lazy, Suspense } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';

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

const MonacoCodeEditor = lazy(() => import('./monaco-editors').then((m) => ({ default: m.MonacoCodeEditor })));
const MonacoCodeDiff = lazy(() => import('./monaco-editors').then((m) => ({ default: m.MonacoCodeDiff })));

function Loading({ height, label }: { height: number | string; label: string }) {
  return <Skeleton variant="rectangular" height={height} aria-label={`${label} (loading the editor)`} sx={{ borderRadius: 1 }} />;
}

export function CodeEditor(props: CodeEditorProps) {
  return (
    <Box id={props.id} tabIndex={props.id ? -1 : undefined} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', height: props.height }}>
      <Suspense fallback={<Loading height={props.height} label={props.ariaLabel} />}>
        <MonacoCodeEditor {...props} />
      </Suspense>
    </Box>
  );
}

export function CodeDiff(props: CodeDiffProps) {
  const height = props.height ?? 360;
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', height }}>
      <Suspense fallback={<Loading height={height} label={props.ariaLabel} />}>
        <MonacoCodeDiff {...props} height={height} />
      </Suspense>
    </Box>
  );
}
