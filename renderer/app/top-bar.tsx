/** The top bar: which project is open, whether it has unsaved changes, the cloud in use, and Save/Undo/Redo/Search/Open. */
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import RedoIcon from '@mui/icons-material/Redo';
import SaveIcon from '@mui/icons-material/Save';
import SearchIcon from '@mui/icons-material/Search';
import UndoIcon from '@mui/icons-material/Undo';
import { useCloudStore } from '../data/cloud-store';
import { useProjectStore } from '../data/project-store';
import { useUiStore } from '../data/ui-store';
import { connectionLabel } from '../screens/settings/cloud-labels';
import { runCommand } from './commands';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl+';

function UnsavedIndicator() {
  const dirty = useProjectStore((s) => s.dirty);
  if (!dirty) return null;
  return (
    <Box role="status" aria-label="Unsaved changes" sx={{ display: 'flex', alignItems: 'center', gap: 0.75, flexShrink: 0 }}>
      <Box aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: 'warning.main' }} />
      <Typography variant="caption" sx={{ color: 'text.secondary', display: { xs: 'none', md: 'inline' } }}>
        Unsaved changes
      </Typography>
    </Box>
  );
}

/** The cloud the console syncs to (demo mode or a profile); a click opens Settings to change it. */
function CloudChip() {
  const connection = useCloudStore((s) => s.connection);
  const connectionError = useCloudStore((s) => s.connectionError);
  const setArea = useUiStore((s) => s.setArea);
  if (!connection && !connectionError) return null;
  const failed = connectionError !== undefined;
  const label = failed ? 'Cloud not connected' : connectionLabel(connection!);
  const detail = failed ? connectionError : `${connection!.endpoint} as ${connection!.accessKeyId}`;
  return (
    <Tooltip title={`${detail}. Click to change it in Settings.`}>
      <Chip
        icon={failed ? <CloudOffOutlinedIcon /> : <CloudOutlinedIcon />}
        label={label}
        color={failed ? 'error' : connection!.mode === 'demo' ? 'info' : 'primary'}
        variant="outlined"
        onClick={() => setArea('settings')}
        aria-label={`Cloud connection: ${label}. Open Settings`}
        sx={{ flexShrink: 0, maxWidth: 260 }}
      />
    </Tooltip>
  );
}

export function TopBar() {
  const file = useProjectStore((s) => s.file);
  const projectName = useProjectStore((s) => s.working?.name);
  const status = useProjectStore((s) => s.status);
  const dirty = useProjectStore((s) => s.dirty);
  const saving = useProjectStore((s) => s.saving);
  const canUndo = useProjectStore((s) => s.past.length > 0);
  const canRedo = useProjectStore((s) => s.future.length > 0);
  const undoLabel = useProjectStore((s) => s.undoLabel);
  const redoLabel = useProjectStore((s) => s.redoLabel);
  const openDialog = useUiStore((s) => s.openDialog);
  const ready = status === 'ready';

  return (
    <AppBar position="static" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 48 }}>
        <Typography variant="subtitle2" component="span" sx={{ fontWeight: 700, flexShrink: 0, color: 'primary.main' }}>
          API Gateway Studio
        </Typography>
        <Box sx={{ width: '1px', alignSelf: 'stretch', my: 1.25, bgcolor: 'divider', flexShrink: 0 }} />
        <Box sx={{ minWidth: 0, display: 'flex', alignItems: 'baseline', gap: 1, flexShrink: 1, overflow: 'hidden' }}>
          <Typography variant="subtitle2" component="h1" noWrap sx={{ flexShrink: 0, maxWidth: 280 }} title={projectName ?? file?.fileName}>
            {projectName ?? file?.fileName ?? 'No project'}
          </Typography>
          {file && (
            <Typography variant="caption" noWrap sx={{ color: 'text.secondary', minWidth: 0, direction: 'rtl', textAlign: 'left' }} title={file.path} aria-label={`File ${file.path}`}>
              {/* rtl keeps the file name visible when a long folder path is cut */}
              <bdi>{file.path}</bdi>
            </Typography>
          )}
        </Box>
        {file?.demo && <Chip label="Demo project" color="info" variant="outlined" sx={{ flexShrink: 0 }} />}
        <UnsavedIndicator />
        <Box sx={{ flex: 1 }} />
        <CloudChip />
        <Button
          variant="outlined"
          color="inherit"
          startIcon={<SearchIcon />}
          onClick={() => openDialog('search')}
          aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
          sx={{ color: 'text.secondary', borderColor: 'divider', minWidth: 150, justifyContent: 'flex-start', flexShrink: 0 }}
        >
          Search
          <Box component="span" sx={{ ml: 'auto', pl: 2, fontSize: '0.75rem', opacity: 0.8 }}>
            {MOD}K
          </Box>
        </Button>
        <Tooltip title={`Open or create a project (${MOD}O)`}>
          <IconButton aria-label="Open project" onClick={() => openDialog('open')}>
            <FolderOpenIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title={canUndo ? `Undo ${undoLabel ?? ''} (${MOD}Z)` : 'Nothing to undo'}>
          <span>
            <IconButton aria-label="Undo" disabled={!ready || !canUndo} onClick={() => runCommand('undo')}>
              <UndoIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={canRedo ? `Redo ${redoLabel ?? ''} (${isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'})` : 'Nothing to redo'}>
          <span>
            <IconButton aria-label="Redo" disabled={!ready || !canRedo} onClick={() => runCommand('redo')}>
              <RedoIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        <Tooltip title={ready ? `Save to ${file?.fileName ?? 'the project file'} (${MOD}S)` : 'Nothing to save: the project did not load'}>
          <span>
            <Button
              variant="contained"
              startIcon={<SaveIcon />}
              disabled={!ready || !dirty || saving}
              onClick={() => runCommand('save')}
              aria-keyshortcuts={isMac ? 'Meta+S' : 'Control+S'}
            >
              {saving ? 'Saving…' : 'Save'}
            </Button>
          </span>
        </Tooltip>
      </Toolbar>
    </AppBar>
  );
}
