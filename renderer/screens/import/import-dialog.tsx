/**
 * Import of a Swagger 2.0 / OpenAPI 3.x document into a group. The host converts it and nothing
 * changes until the person has seen the preview (every API and every problem) and applies it as
 * one edit, which undo takes back.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import type { ImportPreview } from '../../../shared/ipc/contract';
import type { Project } from '../../../shared/model/schema';
import { CodeEditor } from '../../components/code-editor';
import { VisuallyHidden } from '../../components/visually-hidden';
import { chooseImportFile, hasNativeFileDialog, previewImport } from '../../data/import';
import type { ImportSource } from '../../data/import';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { withNameFix } from '../../components/name-fix-button';
import { nameVerdict } from '../common/name-check';
import { unusedName } from '../common/named-edits';
import { describeProblemPath, importBlockers, mergeImport } from './import-check';
import { PreviewTable } from './preview-table';

type SourceTab = 'file' | 'text';
type Target = 'existing' | 'new';

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const titleId = useId();
  const project = useProjectStore((s) => s.working);
  const edit = useProjectStore((s) => s.edit);
  const notify = useUiStore((s) => s.notify);
  const selection = useUiStore((s) => s.selection);

  const [tab, setTab] = useState<SourceTab>('file');
  const [file, setFile] = useState<{ name: string; text?: string; path?: string; size?: number }>();
  const [text, setText] = useState('');
  const [target, setTarget] = useState<Target>('existing');
  const [existing, setExisting] = useState('');
  const [newName, setNewName] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [native, setNative] = useState(false);

  const groups = project?.groups ?? [];
  useEffect(() => {
    if (!open) return;
    const preferred = selection && 'group' in selection ? selection.group : undefined;
    setExisting(groups.some((g) => g.name === preferred) ? preferred! : (groups[0]?.name ?? ''));
    setTarget(groups.length > 0 ? 'existing' : 'new');
    setNewName(unusedName(groups.map((g) => g.name), 'imported_apis'));
    setPreview(undefined);
    setError(undefined);
    hasNativeFileDialog().then(setNative, () => setNative(false));
    // Reset only when the dialog opens; the person's choices stay while it is open.
  }, [open]);

  // A different source or group makes the preview stale.
  useEffect(() => setPreview(undefined), [tab, file, text, target, existing, newName]);

  const group = target === 'existing' ? existing : newName.trim();
  const newGroupVerdict = target === 'new' ? nameVerdict('group', groups.map((g) => g.name))(group) : undefined;
  const groupError = target === 'new' ? newGroupVerdict?.message : group === '' ? 'Choose a group.' : undefined;
  const source: ImportSource | undefined =
    tab === 'text' ? (text.trim() ? { kind: 'text', text } : undefined) : file?.path ? { kind: 'file', path: file.path } : file?.text !== undefined ? { kind: 'text', text: file.text } : undefined;
  const previewBlock = !source ? (tab === 'file' ? 'Choose a file first.' : 'Paste a document first.') : groupError;

  const blockers = useMemo(() => (project && preview ? importBlockers(project, preview) : []), [project, preview]);
  const merged = useMemo(() => (project && preview ? mergeImport(project, preview) : undefined), [project, preview]);
  const count = preview?.apis.length ?? 0;
  let applyBlock: string | undefined;
  if (!preview) applyBlock = 'Preview the import first.';
  else if (count === 0) applyBlock = 'The document has no operations that can be imported.';
  else if (blockers.length > 0) applyBlock = `The imported APIs would add ${blockers.length} problem${blockers.length === 1 ? '' : 's'} to the project (listed above). Fix the document, or import into another group, then preview again.`;

  const runPreview = async () => {
    if (!source || groupError) return;
    setBusy(true);
    setError(undefined);
    try {
      setPreview(await previewImport(source, group));
    } catch (e) {
      setError(`Could not read the document: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const apply = () => {
    if (!preview || applyBlock) return;
    edit(`Import ${count} API${count === 1 ? '' : 's'} into ${group}`, (p) => mergeImport(p, preview));
    notify(`Imported ${count} API${count === 1 ? '' : 's'} into group ${group}. Undo takes the import back; save to write the file.`, 'success');
    onClose();
  };
  const readFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, size: chosen.size, text: await chosen.text() });
    } catch (e) {
      setError(`Could not read ${chosen.name}: ${(e as Error).message}`);
    }
  };
  const chooseNative = async () => {
    try {
      const path = await chooseImportFile();
      if (path) setFile({ name: path, path });
    } catch (e) {
      setError(`Could not open the file dialog: ${(e as Error).message}`);
    }
  };

  if (!project) return null;
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>Import APIs from OpenAPI or Swagger</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <Box>
            <Tabs value={tab} onChange={(_, v: SourceTab) => setTab(v)} aria-label="Source of the document">
              <Tab value="file" label="From a file" />
              <Tab value="text" label="Paste text" />
            </Tabs>
            <Box sx={{ pt: 1.5 }}>
              {tab === 'file' ? (
                <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                  <Button component="label" variant="outlined" startIcon={<UploadFileOutlined />}>
                    Choose file…
                    <VisuallyHidden>
                      <input
                        type="file"
                        aria-label="OpenAPI or Swagger file"
                        accept=".yaml,.yml,.json,application/json,application/yaml"
                        onChange={(e) => {
                          void readFile(e.target.files?.[0]);
                          e.target.value = '';
                        }}
                      />
                    </VisuallyHidden>
                  </Button>
                  {native && (
                    <Button variant="outlined" onClick={() => void chooseNative()}>
                      Choose with the system dialog…
                    </Button>
                  )}
                  <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} noWrap sx={{ minWidth: 0 }}>
                    {file ? `${file.name}${file.size !== undefined ? ` (${formatSize(file.size)})` : ''}` : 'A Swagger 2.0 or OpenAPI 3.0/3.1 document, YAML or JSON.'}
                  </Typography>
                </Stack>
              ) : (
                <CodeEditor language="yaml" value={text} onChange={setText} ariaLabel="OpenAPI or Swagger document" height={240} />
              )}
            </Box>
          </Box>

          <Box>
            <FormLabel id={`${titleId}-target`}>Import into</FormLabel>
            <RadioGroup row aria-labelledby={`${titleId}-target`} value={target} onChange={(e) => setTarget(e.target.value as Target)}>
              <FormControlLabel value="existing" control={<Radio />} label="An existing group" disabled={groups.length === 0} />
              <FormControlLabel value="new" control={<Radio />} label="A new group" />
            </RadioGroup>
            {target === 'existing' ? (
              <TextField select label="Group" value={existing} onChange={(e) => setExisting(e.target.value)} sx={{ minWidth: 280 }} error={groupError !== undefined} helperText={groupError}>
                {groups.map((g) => (
                  <MenuItem key={g.name} value={g.name}>
                    {g.name}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <TextField label="New group name" value={newName} onChange={(e) => setNewName(e.target.value)} sx={{ minWidth: 280 }} error={groupError !== undefined} helperText={withNameFix(groupError ?? 'Created with the import.', newGroupVerdict?.suggestion, setNewName)} />
            )}
          </Box>

          {busy && <LinearProgress aria-label="Reading the document" />}
          {error && <Alert severity="error">{error}</Alert>}
          {preview && merged && <PreviewSection preview={preview} merged={merged} project={project} blockers={blockers} group={group} />}
          {preview && applyBlock && count > 0 && <Alert severity="error">{applyBlock}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <span title={previewBlock}>
          <Button variant="outlined" onClick={() => void runPreview()} disabled={busy || previewBlock !== undefined}>
            Preview
          </Button>
        </span>
        <span title={applyBlock}>
          <Button variant="contained" onClick={apply} disabled={applyBlock !== undefined}>
            {preview ? `Import ${count} API${count === 1 ? '' : 's'}` : 'Import'}
          </Button>
        </span>
      </DialogActions>
    </Dialog>
  );
}

function PreviewSection({ preview, merged, project, blockers, group }: { preview: ImportPreview; merged: Project; project: Project; blockers: ReturnType<typeof importBlockers>; group: string }) {
  const creates = preview.groups.filter((g) => !project.groups.some((x) => x.name === g.name));
  // The host checks against the saved file, this dialog against the working copy: list each message once.
  const fromHost = new Set(preview.problems.map((p) => p.message));
  const all = [
    ...preview.problems,
    ...blockers.filter((p) => !fromHost.has(p.message)).map((p) => ({ where: describeProblemPath(merged, p), message: p.message })),
  ];
  return (
    <Box component="section" aria-label="Import preview">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h3" component="h3">
          Preview
        </Typography>
        <Chip label={preview.format} variant="outlined" />
        <Typography variant="body2" color="text.secondary">
          {preview.apis.length} API{preview.apis.length === 1 ? '' : 's'} into group {group}
          {creates.length > 0 ? ` (created with the import${creates[0].basePath !== '/' ? `, base path ${creates[0].basePath}, which the paths below follow` : ''})` : ''}. Nothing has changed yet.
        </Typography>
      </Stack>
      {all.length > 0 && (
        <Box sx={{ mb: 1.5 }}>
          <Typography variant="subtitle2" component="h4" color="error">
            {all.length} problem{all.length === 1 ? '' : 's'}
          </Typography>
          <Box component="ul" aria-label="Import problems" sx={{ m: 0, pl: 2.5, maxHeight: 180, overflow: 'auto' }}>
            {all.map((p, i) => (
              <li key={i}>
                <Typography variant="body2">
                  <strong>{p.where}</strong>: {p.message}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
      <PreviewTable apis={preview.apis} />
    </Box>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
