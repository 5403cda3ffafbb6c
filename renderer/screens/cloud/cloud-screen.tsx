/**
 * Cloud: the design against the cloud the console is connected to (a profile, or demo mode's
 * offline cloud): sync (plan, review, apply), stages in the cloud, pull, and the log of syncs.
 */
import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { PageHeader } from '../../components/page-header';
import { useCloudStore } from '../../data/cloud-store';
import { useProjectStore } from '../../data/project-store';
import { type CloudView, useUiStore } from '../../data/ui-store';
import { DemoGuide } from './demo-guide';
import { HistoryTab } from './history-tab';
import { PullTab } from './pull-tab';
import { StagesTab } from './stages-tab';
import { SyncTab } from './sync-tab';

export function CloudScreen() {
  const connection = useCloudStore((s) => s.connection);
  const connectionError = useCloudStore((s) => s.connectionError);
  const error = useCloudStore((s) => s.error);
  const clearError = useCloudStore((s) => s.clearError);
  const loadConnection = useCloudStore((s) => s.loadConnection);
  const project = useProjectStore((s) => s.working);
  const setArea = useUiStore((s) => s.setArea);
  // The view is part of the address (#/cloud/history), so a reload and Back keep it.
  const tab = useUiStore((s) => (s.selection?.kind === 'cloudView' ? s.selection.view : 'sync'));
  const select = useUiStore((s) => s.select);
  const setTab = (view: CloudView) => select({ kind: 'cloudView', view });

  useEffect(() => {
    if (!connection) void loadConnection();
  }, [connection, loadConnection]);

  const subtitle = connection
    ? connection.mode === 'demo'
      ? `Demo: the offline cloud on this computer (${connection.endpoint}), region ${connection.region}. Ids are recorded as ${connection.profileKey}.`
      : `Profile ${connection.label}: ${connection.endpoint}, region ${connection.region}, key ${connection.accessKeyId}. Ids are recorded as ${connection.profileKey}.`
    : 'Connecting…';
  return (
    <Box component="section" aria-label="Cloud">
      <PageHeader
        title="Cloud"
        subtitle={subtitle}
        actions={
          <Button variant="outlined" onClick={() => setArea('settings')}>
            {connection?.mode === 'demo' ? 'Connect an account' : 'Change profile'}
          </Button>
        }
      />
      <Box sx={{ px: 3, pb: 3 }}>
        {connectionError && (
          <Alert severity="error" sx={{ mb: 2 }} action={<Button color="inherit" onClick={() => void loadConnection()}>Try again</Button>}>
            No cloud to talk to: {connectionError}
          </Alert>
        )}
        {connection?.mode === 'demo' && project && <DemoGuide onTab={setTab} />}
        <Tabs value={tab} onChange={(_e, value: CloudView) => setTab(value)} aria-label="Cloud views" sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Tab value="sync" label="Sync" />
          <Tab value="stages" label="Stages" />
          <Tab value="pull" label="Pull" />
          <Tab value="history" label="History" />
        </Tabs>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} onClose={clearError} aria-label="Cloud error">
            {error}
          </Alert>
        )}
        {!project ? (
          <Alert severity="info">Open a project that loads to sync it.</Alert>
        ) : (
          <>
            {tab === 'sync' && <SyncTab />}
            {tab === 'stages' && <StagesTab />}
            {tab === 'pull' && <PullTab />}
            {tab === 'history' && <HistoryTab />}
          </>
        )}
      </Box>
    </Box>
  );
}
