/**
 * Stages in the cloud: per API and stage, what the cloud serves next to what the design's stage
 * serves; deploy the working copy, roll back or abolish (in the design, then in the cloud); each
 * group's address per stage, and a button that opens the debugger on it.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MoreVert from '@mui/icons-material/MoreVert';
import Refresh from '@mui/icons-material/Refresh';
import type { CloudStagesView, StageActionRequest, StageComparison } from '../../../shared/ipc/cloud-views';
import { STAGES, type Stage } from '../../../shared/model/schema';
import { useCloudStore } from '../../data/cloud-store';
import { openDebugger } from '../../data/debugger';
import { useProjectStore } from '../../data/project-store';
import { CurrentJob } from './current-job';

const STATE_CHIPS: Record<StageComparison['state'], { label: (c: StageComparison) => string; color: 'success' | 'warning' | 'default' | 'info' | 'error' }> = {
  'in-sync': { label: (c) => `v${c.design?.version} in sync`, color: 'success' },
  differs: { label: (c) => `Cloud ${c.cloud?.designVersion ? `v${c.cloud.designVersion}` : 'other'} · design v${c.design?.version}`, color: 'warning' },
  'not-in-cloud': { label: (c) => `v${c.design?.version} not in cloud`, color: 'info' },
  'only-in-cloud': { label: () => 'Only in cloud', color: 'error' },
  'not-deployed': { label: () => 'Not deployed', color: 'default' },
};

type ApiRow = CloudStagesView['apis'][number];

export function StagesTab() {
  const stages = useCloudStore((s) => s.stages);
  const loading = useCloudStore((s) => s.stagesLoading);
  const loadStages = useCloudStore((s) => s.loadStages);
  const job = useCloudStore((s) => s.job);
  const dirty = useProjectStore((s) => s.dirty);
  const [action, setAction] = useState<{ row: ApiRow; stage: Stage; kind: StageActionRequest['action'] }>();

  useEffect(() => {
    void loadStages();
  }, [loadStages]);

  const running = job?.state === 'running';
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flex: 1, color: 'text.secondary' }}>
          Deploy makes a stage serve the API as designed now; it records a new version in the design&apos;s stage history, then makes the cloud&apos;s stage serve it.
        </Typography>
        <Button startIcon={loading ? <CircularProgress size={16} /> : <Refresh />} onClick={() => void loadStages()} disabled={loading}>
          Refresh
        </Button>
      </Stack>
      {dirty && <Alert severity="warning">Save your edits first: deploy snapshots the saved design.</Alert>}
      <CurrentJob />
      {stages && (
        <Paper variant="outlined" component="section" aria-label="APIs by stage">
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>API</TableCell>
                {STAGES.map((stage) => (
                  <TableCell key={stage}>{stage}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {stages.apis.map((row) => (
                <TableRow key={`${row.group}/${row.api}`} aria-label={`${row.group}/${row.api}`}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {row.api}
                    </Typography>
                    <Typography variant="caption" sx={{ color: 'text.secondary', fontFamily: 'monospace' }}>
                      {row.method} {row.path} · {row.group}
                      {!row.synced && ' · not in the cloud yet'}
                    </Typography>
                  </TableCell>
                  {STAGES.map((stage) => (
                    <StageCell key={stage} row={row} stage={stage} disabled={running || dirty || !row.synced} onAction={(kind) => setAction({ row, stage, kind })} />
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {stages && <GroupAddresses stages={stages} />}
      {action && <StageActionDialog action={action} onClose={() => setAction(undefined)} />}
    </Stack>
  );
}

function StageCell({ row, stage, disabled, onAction }: { row: ApiRow; stage: Stage; disabled: boolean; onAction: (kind: StageActionRequest['action']) => void }) {
  const comparison = row.stages[stage];
  const chip = STATE_CHIPS[comparison.state];
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const served = comparison.state !== 'not-deployed' && comparison.state !== 'only-in-cloud' && !comparison.design?.abolished;
  const pick = (kind: StageActionRequest['action']) => {
    setAnchor(null);
    onAction(kind);
  };
  return (
    <TableCell aria-label={`${row.api} in ${stage}`}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        {comparison.state === 'not-deployed' ? (
          <Typography variant="body2" sx={{ color: 'text.disabled', minWidth: 88 }}>
            Not deployed
          </Typography>
        ) : (
          <Chip size="small" label={chip.label(comparison)} color={chip.color} variant={comparison.state === 'in-sync' ? 'filled' : 'outlined'} />
        )}
        <IconButton size="small" aria-label={`Actions for ${row.api} in ${stage}`} onClick={(e) => setAnchor(e.currentTarget)} disabled={disabled}>
          <MoreVert fontSize="small" />
        </IconButton>
        {comparison.cloud && (
          <Button size="small" onClick={() => openDebugger({ group: row.group, api: row.api }, { where: 'cloud', stage })} aria-label={`Call ${row.api} in ${stage} in the cloud`}>
            Call
          </Button>
        )}
      </Stack>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => pick('deploy')}>Deploy the current design to {stage}</MenuItem>
        <MenuItem onClick={() => pick('rollback')} disabled={comparison.earlier.length === 0}>
          Roll back…
        </MenuItem>
        <MenuItem onClick={() => pick('abolish')} disabled={!served}>
          Abolish from {stage}
        </MenuItem>
      </Menu>
    </TableCell>
  );
}

function StageActionDialog({ action, onClose }: { action: { row: ApiRow; stage: Stage; kind: StageActionRequest['action'] }; onClose: () => void }) {
  const stageAction = useCloudStore((s) => s.stageAction);
  const { row, stage, kind } = action;
  const earlier = row.stages[stage].earlier;
  const [version, setVersion] = useState(earlier.at(-1));
  const [description, setDescription] = useState('');
  const title = { deploy: `Deploy ${row.api} to ${stage}`, rollback: `Roll ${row.api} back in ${stage}`, abolish: `Abolish ${row.api} from ${stage}` }[kind];
  const explain = {
    deploy: `The design's ${stage} history gets a new version holding the API as it is saved now, and the cloud's ${stage} starts serving it (DeployApi).`,
    rollback: `A new version re-serving an earlier one is recorded, and the cloud's ${stage} switches to it (SwitchApi when the cloud still has that version).`,
    abolish: `Callers of ${stage} get "API not found" for ${row.method} ${row.path}. The history is kept; deploy again to bring it back.`,
  }[kind];
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="stage-action-title">
      <DialogTitle id="stage-action-title">{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {explain}
        </Typography>
        <Stack spacing={2}>
          {kind === 'rollback' && (
            <TextField select label="Serve again" value={version ?? ''} onChange={(e) => setVersion(Number(e.target.value))}>
              {[...earlier].reverse().map((v) => (
                <MenuItem key={v} value={v}>
                  Version {v}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color={kind === 'abolish' ? 'error' : 'primary'}
          onClick={() => {
            onClose();
            void stageAction({ action: kind, stage, group: row.group, api: row.api, toVersion: kind === 'rollback' ? version : undefined, description: description || undefined });
          }}
        >
          {{ deploy: 'Deploy', rollback: 'Roll back', abolish: 'Abolish' }[kind]}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function GroupAddresses({ stages }: { stages: CloudStagesView }) {
  return (
    <Paper variant="outlined" component="section" aria-label="How to call each stage" sx={{ p: 2 }}>
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        How to call each stage
      </Typography>
      {stages.groups.map((group) => (
        <Box key={group.name} sx={{ mb: 1.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {group.name}
            {group.subDomain && (
              <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1, fontFamily: 'monospace' }}>
                {group.subDomain}
              </Typography>
            )}
            {!group.synced && (
              <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                not in the cloud yet: apply the plan on the Sync tab first
              </Typography>
            )}
          </Typography>
          {group.synced && (
            <Table size="small" aria-label={`Addresses of ${group.name}`}>
              <TableBody>
                {group.stages.map((stage) => (
                  <TableRow key={stage.stage}>
                    <TableCell sx={{ width: 90 }}>{stage.stage}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{stage.howTo}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      ))}
    </Paper>
  );
}
