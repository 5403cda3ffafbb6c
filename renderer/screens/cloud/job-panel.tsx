/**
 * A sync job as it runs and once it ended: a progress bar, each step's status, cancel between
 * steps, and on failure the cloud's code, message and request id, the steps done and left, and
 * a retry that continues where the run stopped.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import HourglassEmpty from '@mui/icons-material/HourglassEmpty';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Sync from '@mui/icons-material/Sync';
import type { SyncJobView, SyncStepView } from '../../../shared/ipc/cloud-views';
import { KIND_LABELS, OP_LABELS } from './plan-sections';

const STATE_LABELS: Record<SyncJobView['state'], { label: string; color: 'info' | 'success' | 'error' | 'warning' }> = {
  running: { label: 'Running', color: 'info' },
  done: { label: 'Done', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
  cancelled: { label: 'Cancelled', color: 'warning' },
};

export function JobPanel({ job, onCancel, onRetry, onDismiss }: { job: SyncJobView; onCancel: () => void; onRetry: () => void; onDismiss?: () => void }) {
  const percent = job.total === 0 ? 100 : Math.round((job.done / job.total) * 100);
  const left = job.steps.filter((step) => step.state === 'left' || step.state === 'pending').length;
  const [showSteps, setShowSteps] = useState(job.state !== 'done');
  const state = STATE_LABELS[job.state];
  return (
    <Paper variant="outlined" component="section" aria-label="Sync progress" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h3" component="h3" sx={{ flex: 1 }}>
          {job.title}
        </Typography>
        <Chip size="small" label={job.cancelling ? 'Cancelling…' : state.label} color={state.color} />
        {job.state === 'running' && (
          <Button size="small" onClick={onCancel} disabled={job.cancelling}>
            Cancel
          </Button>
        )}
        {job.state !== 'running' && job.retry && (
          <Button size="small" variant="contained" startIcon={<Sync />} onClick={onRetry}>
            Retry
          </Button>
        )}
        {job.state !== 'running' && onDismiss && (
          <Button size="small" onClick={onDismiss}>
            Close
          </Button>
        )}
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <LinearProgress
          variant="determinate"
          value={percent}
          color={job.state === 'failed' ? 'error' : job.state === 'done' ? 'success' : 'primary'}
          aria-label="Progress"
          sx={{ flex: 1, height: 8, borderRadius: 4 }}
        />
        <Typography variant="body2" sx={{ minWidth: 150, textAlign: 'right' }} aria-label="Progress text">
          {percent}% · {job.done} of {job.total} steps
        </Typography>
      </Stack>
      {job.cancelling && (
        <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
          The steps running now finish and are recorded; no new one starts.
        </Typography>
      )}
      {job.state === 'failed' && job.failure && (
        <Alert severity="error" sx={{ mt: 1.5 }} aria-label="Sync failure">
          <AlertTitle>
            {job.failure.action ? `${job.failure.action} failed: ` : ''}
            {job.failure.code}
          </AlertTitle>
          <Typography variant="body2">{job.failure.message}</Typography>
          {job.failure.requestId && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              Request id: <code>{job.failure.requestId}</code>
            </Typography>
          )}
          {job.failure.advice && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {job.failure.advice}
            </Typography>
          )}
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {job.done} step{job.done === 1 ? '' : 's'} done and recorded in the project; {left} left. Fix the cause, then Retry: it continues from here and does not repeat what was done.
          </Typography>
        </Alert>
      )}
      {job.state === 'cancelled' && (
        <Alert severity="warning" sx={{ mt: 1.5 }}>
          Cancelled: {job.done} step{job.done === 1 ? '' : 's'} done and recorded, {left} left. Retry continues from here.
        </Alert>
      )}
      <Button size="small" sx={{ mt: 1 }} onClick={() => setShowSteps(!showSteps)} aria-expanded={showSteps}>
        {showSteps ? 'Hide the steps' : `Show the ${job.total} steps`}
      </Button>
      {showSteps && (
        <Box sx={{ maxHeight: 320, overflow: 'auto', borderTop: 1, borderColor: 'divider' }}>
          <List dense aria-label="Steps">
            {job.steps.map((step, index) => (
              <ListItem key={`${step.name}:${index}`} aria-label={`${step.name}: ${step.state}`} sx={{ py: 0 }}>
                <ListItemIcon sx={{ minWidth: 32 }}>
                  <StepIcon state={step.state} />
                </ListItemIcon>
                <ListItemText
                  primary={`${OP_LABELS[step.op].label} ${step.name}`}
                  secondary={`${KIND_LABELS[step.kind]} · ${stepStateLabel(step.state)}`}
                  slotProps={{ primary: { sx: { fontFamily: 'monospace', fontSize: 13 } } }}
                />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </Paper>
  );
}

function stepStateLabel(state: SyncStepView['state']): string {
  return { pending: 'waiting', running: 'running', done: 'done', failed: 'failed', left: 'not run' }[state];
}

function StepIcon({ state }: { state: SyncStepView['state'] }) {
  if (state === 'done') return <CheckCircle fontSize="small" color="success" />;
  if (state === 'failed') return <ErrorOutline fontSize="small" color="error" />;
  if (state === 'running') return <HourglassEmpty fontSize="small" color="primary" />;
  return <RadioButtonUnchecked fontSize="small" color="disabled" />;
}
