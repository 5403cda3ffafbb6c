/**
 * Across the top of the content area: in demo mode, that the cloud is the offline one on this
 * computer (so nobody mistakes a sync for a real one), and why the cloud could not be reached when
 * it could not. It can be made smaller but never goes away while demo mode lasts.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useCloudStore } from '../data/cloud-store';
import { useDemoProgress } from '../data/demo-progress';
import { useUiStore } from '../data/ui-store';

export function DemoBanner() {
  const connection = useCloudStore((s) => s.connection);
  const connectionError = useCloudStore((s) => s.connectionError);
  const setArea = useUiStore((s) => s.setArea);
  const area = useUiStore((s) => s.area);
  const { synced } = useDemoProgress();
  const [small, setSmall] = useState(false);
  const toSettings = () => setArea('settings');

  if (connectionError) {
    return (
      <Alert
        severity="error"
        square
        aria-label="Cloud connection"
        action={
          <Button color="inherit" onClick={toSettings}>
            Open Settings
          </Button>
        }
        sx={{ py: 0, flexShrink: 0 }}
      >
        No cloud connection: {connectionError}
      </Alert>
    );
  }
  if (connection?.mode !== 'demo') return null;

  const toggle = (
    <Tooltip title={small ? 'Show the whole notice' : 'Make this notice smaller'}>
      <IconButton color="inherit" aria-label={small ? 'Expand the demo mode notice' : 'Collapse the demo mode notice'} aria-expanded={!small} onClick={() => setSmall(!small)} sx={small ? { p: 0 } : undefined}>
        {small ? <ExpandMoreIcon fontSize="small" /> : <ExpandLessIcon fontSize="small" />}
      </IconButton>
    </Tooltip>
  );
  if (small) {
    return (
      <Alert
        role="note"
        severity="info"
        square
        icon={false}
        aria-label="Demo mode"
        action={toggle}
        sx={{ py: 0, px: 2, flexShrink: 0, alignItems: 'center', fontSize: '0.75rem', '& .MuiAlert-message': { py: 0.25 }, '& .MuiAlert-action': { py: 0, mr: 0 } }}
      >
        <strong>Demo mode</strong>: offline cloud, nothing leaves this computer
      </Alert>
    );
  }
  return (
    <Alert
      role="note"
      severity="info"
      square
      aria-label="Demo mode"
      action={
        <>
          {area !== 'cloud' && !synced && (
            <Button color="inherit" onClick={() => setArea('cloud')}>
              Try a sync
            </Button>
          )}
          <Button color="inherit" onClick={toSettings}>
            Connect an account
          </Button>
          {toggle}
        </>
      }
      sx={{ py: 0, flexShrink: 0, alignItems: 'center', '& .MuiAlert-action': { pt: 0 } }}
    >
      <strong>Demo mode:</strong> the cloud is the offline cloud on this computer; nothing leaves the machine.
    </Alert>
  );
}
