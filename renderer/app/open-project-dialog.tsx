/**
 * Open a project (recent ones, the desktop file dialog, or a path typed in browser mode) or create
 * a new one. Unsaved edits are never dropped without asking. The desktop app offers no typed path:
 * its host opens only files the dialog gave (the renderer is not trusted to name files).
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RecentProject } from '../../shared/ipc/contract';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import { appInfo, chooseFile, recentProjects } from '../data/workspace';
import { saveProject } from './commands';

type Mode = 'open' | 'new';

function UnsavedWarning() {
  const dirty = useProjectStore((s) => s.dirty);
  const fileName = useProjectStore((s) => s.file?.fileName);
  if (!dirty) return null;
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" onClick={() => void saveProject()}>
          Save now
        </Button>
      }
    >
      {fileName} has unsaved changes. Opening or creating another project discards them.
    </Alert>
  );
}

/** Whether this host has a native file dialog (the desktop app); until known, assume browser mode's typed path. */
function useFileDialog(): boolean {
  const [hasDialog, setHasDialog] = useState(false);
  useEffect(() => {
    appInfo().then((info) => setHasDialog(info.mode === 'desktop'), () => setHasDialog(false));
  }, []);
  return hasDialog;
}

const TYPED_PATH_HELP = 'The full path of a .apigw.yaml file; ~ is your home folder. Files in hidden folders open only with apigw-studio ui --project FILE.';

function OpenPanel({ onDone }: { onDone: () => void }) {
  const open = useProjectStore((s) => s.open);
  const current = useProjectStore((s) => s.file?.path);
  const [recent, setRecent] = useState<RecentProject[]>();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The desktop app has a native file dialog; browser mode asks for the path.
  const hasDialog = useFileDialog();

  useEffect(() => {
    recentProjects().then(setRecent, () => setRecent([]));
  }, []);

  const openPath = async (target: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await open(target.trim());
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const browse = async () => {
    try {
      const choice = await chooseFile('open');
      if (choice.path) await openPath(choice.path);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void openPath(path);
  };

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h3" component="h3" sx={{ mb: 0.5 }}>
          Recent projects
        </Typography>
        {recent === undefined && <Typography variant="body2">Loading…</Typography>}
        {recent?.length === 0 && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            None yet: projects you open appear here.
          </Typography>
        )}
        {recent && recent.length > 0 && (
          <List dense aria-label="Recent projects" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, maxHeight: 220, overflow: 'auto' }}>
            {recent.map((r) => (
              <ListItemButton key={r.path} disabled={busy} selected={r.path === current} onClick={() => void openPath(r.path)}>
                <ListItemText primary={r.name} secondary={r.path} slotProps={{ secondary: { noWrap: true, title: r.path } }} />
              </ListItemButton>
            ))}
          </List>
        )}
      </Box>
      <Box component="form" onSubmit={submit}>
        <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
          Open a file
        </Typography>
        {hasDialog ? (
          <Button variant="contained" onClick={() => void browse()} disabled={busy}>
            Choose a project file…
          </Button>
        ) : (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField label="Project file path" placeholder="/home/me/projects/shop.apigw.yaml" value={path} onChange={(e) => setPath(e.target.value)} fullWidth helperText={TYPED_PATH_HELP} />
            <Button type="submit" variant="contained" disabled={busy || !path.trim()} sx={{ height: 40 }}>
              Open
            </Button>
          </Stack>
        )}
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

function NewPanel({ onDone }: { onDone: () => void }) {
  const create = useProjectStore((s) => s.create);
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const nameProblem = name.trim().length > 200 ? 'A project name has at most 200 characters.' : undefined;
  const hasDialog = useFileDialog();
  const choose = async () => {
    try {
      const choice = await chooseFile('save');
      if (choice.path) setPath(choice.path);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await create(path.trim(), name.trim());
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack component="form" id="new-project-form" spacing={2} onSubmit={(e) => void submit(e)}>
      <TextField label="Project name" value={name} onChange={(e) => setName(e.target.value)} required error={!!nameProblem} helperText={nameProblem ?? 'Shown in the title bar; you can change it later.'} />
      {hasDialog ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField label="File path" value={path} placeholder="Choose where to create it" fullWidth required slotProps={{ input: { readOnly: true } }} />
          <Button variant="outlined" onClick={() => void choose()} disabled={busy} sx={{ height: 40, whiteSpace: 'nowrap' }}>
            Choose…
          </Button>
        </Stack>
      ) : (
        <TextField
          label="File path"
          placeholder="/home/me/projects/shop.apigw.yaml"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          required
          helperText="Where to create the file: a .apigw.yaml file (the extension is added when the name has none), not in a hidden folder."
        />
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <Box>
        <Button type="submit" variant="contained" disabled={busy || !path.trim() || !name.trim() || !!nameProblem}>
          Create project
        </Button>
      </Box>
    </Stack>
  );
}

export function OpenProjectDialog() {
  const open = useUiStore((s) => s.dialog === 'open');
  const openDialog = useUiStore((s) => s.openDialog);
  const setArea = useUiStore((s) => s.setArea);
  const [mode, setMode] = useState<Mode>('open');
  useEffect(() => {
    if (open) setMode('open');
  }, [open]);
  const close = () => openDialog(undefined);
  const done = () => {
    close();
    setArea('apis');
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby="open-project-title">
      <DialogTitle id="open-project-title">{mode === 'open' ? 'Open project' : 'New project'}</DialogTitle>
      <Tabs value={mode} onChange={(_e, value: Mode) => setMode(value)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }} aria-label="Open or create">
        <Tab value="open" label="Open" />
        <Tab value="new" label="New project…" />
      </Tabs>
      <DialogContent sx={{ pt: 2 }}>
        <UnsavedWarning />
        {mode === 'open' ? <OpenPanel onDone={done} /> : <NewPanel onDone={done} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
