/**
 * What the frame shows when saving is refused or the file changed under unsaved edits: the reason,
 * and the choices (overwrite, reload from disk, keep editing). The edits stay until the person decides.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import { saveProject } from './commands';

/** Refusals that a forced save resolves (the file changed on disk, or it failed to load). */
const OVERRIDABLE = new Set(['CHANGED_ON_DISK', 'LOAD_FAILED']);

export function SaveErrorDialog() {
  const error = useProjectStore((s) => s.saveError);
  const clear = useProjectStore((s) => s.clearSaveError);
  const reload = useProjectStore((s) => s.reload);
  const notify = useUiStore((s) => s.notify);
  if (!error) return null;
  const overridable = OVERRIDABLE.has(error.code);
  const discard = () => {
    clear();
    reload().catch((e: Error) => notify(e.message, 'error'));
  };
  return (
    <Dialog open onClose={clear} maxWidth="sm" fullWidth aria-labelledby="save-error-title">
      <DialogTitle id="save-error-title">Not saved</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1.5 }}>{error.message}</DialogContentText>
        <Alert severity="info">Your changes are still here, unsaved.</Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={clear}>Keep editing</Button>
        {overridable && (
          <Button color="warning" onClick={discard}>
            Discard my changes and reload
          </Button>
        )}
        {overridable && (
          <Button
            variant="contained"
            color="error"
            onClick={() => {
              clear();
              void saveProject({ force: true });
            }}
          >
            Overwrite the file
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

export function ChangedOnDiskBanner() {
  const changed = useProjectStore((s) => s.changedOnDisk);
  const reload = useProjectStore((s) => s.reload);
  const fileName = useProjectStore((s) => s.file?.fileName);
  const notify = useUiStore((s) => s.notify);
  if (!changed) return null;
  return (
    <Alert
      severity="warning"
      square
      action={
        <>
          <Button color="inherit" onClick={() => reload().catch((e: Error) => notify(e.message, 'error'))}>
            Reload (discard my changes)
          </Button>
          <Button color="inherit" onClick={() => void saveProject({ force: true })}>
            Save mine over it
          </Button>
        </>
      }
    >
      {fileName} changed on disk (another editor, a git checkout?) while you have unsaved changes here.
    </Alert>
  );
}
