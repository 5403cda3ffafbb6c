/**
 * A code editor (Monaco) for bodies, samples and YAML. Monaco is loaded on first use, so the first
 * screen paints without it.
 */
import { lazy, Suspense } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';

import type { CodeDiffProps, CodeEditorProps } from './code-editor-props';

export type { CodeDiffProps, CodeEditorProps, CodeLanguage } from './code-editor-props';

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
