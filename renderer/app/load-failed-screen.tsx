/**
 * Shown when the project file did not load: each problem with its file and line, and the file as
 * it is on disk. Nothing here saves: the file is fixed in an editor, then reloaded.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import type { FileProblem } from '../../shared/ipc/contract';
import { formatPath } from '../../shared/model/problems';
import { CodeEditor } from '../components/code-editor';
import { PageHeader } from '../components/page-header';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import { projectText } from '../data/workspace';

function problemLine(problem: FileProblem, fileName: string): string {
  const where = `${problem.file ? baseName(problem.file) : fileName}${problem.line ? `:${problem.line}` : ''}`;
  const path = formatPath(problem.path);
  return `${where}: ${path ? `${path}: ` : ''}${problem.message}`;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function LoadFailedScreen() {
  const file = useProjectStore((s) => s.file);
  const loadError = useProjectStore((s) => s.loadError);
  const problems = useProjectStore((s) => s.problems);
  const reload = useProjectStore((s) => s.reload);
  const openDialog = useUiStore((s) => s.openDialog);
  const notify = useUiStore((s) => s.notify);
  const [text, setText] = useState<string>();
  const [textError, setTextError] = useState<string>();

  useEffect(() => {
    if (!file) return;
    setText(undefined);
    setTextError(undefined);
    projectText().then(setText, (e: Error) => setTextError(e.message));
  }, [file]);

  const onReload = () => reload().catch((e: Error) => notify(e.message, 'error'));
  const name = file?.fileName ?? 'The project';

  return (
    <Box component="section" aria-label="Project did not load" sx={{ pb: 3 }}>
      <PageHeader
        title={`${name} did not load`}
        subtitle={file ? <code>{file.path}</code> : undefined}
        actions={
          <>
            <Button variant="contained" startIcon={<RefreshIcon />} onClick={onReload}>
              Reload
            </Button>
            <Button variant="outlined" startIcon={<FolderOpenIcon />} onClick={() => openDialog('open')}>
              Open another project…
            </Button>
          </>
        }
      />
      <Box sx={{ px: 3 }}>
        <Alert severity="error" sx={{ mb: 2 }}>
          {loadError && !file
            ? loadError.message
            : 'Fix these problems in the file with a text editor, then press Reload. API Gateway Studio will not save over a file that did not load, so nothing in it is lost.'}
        </Alert>
        {file && (
          <>
            <Typography variant="h2" sx={{ mb: 1 }}>
              {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
            </Typography>
            <List dense aria-label="Problems in the file" sx={{ mb: 2, fontFamily: 'monospace', fontSize: '0.8rem' }}>
              {file.problems.map((problem, i) => (
                <ListItem key={i} sx={{ py: 0.25, wordBreak: 'break-word' }}>
                  {problemLine(problem, file.fileName)}
                </ListItem>
              ))}
            </List>
            <Typography variant="h2" sx={{ mb: 1 }}>
              The file on disk
            </Typography>
            {textError && <Alert severity="warning">Could not read the file to show it: {textError}</Alert>}
            {text !== undefined && <CodeEditor language="yaml" value={text} readOnly ariaLabel={`${file.fileName} (read-only)`} height={480} />}
          </>
        )}
      </Box>
    </Box>
  );
}
