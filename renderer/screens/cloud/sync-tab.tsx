/**
 * Sync: plan what the cloud needs to match the saved design, review it, apply it and follow the
 * run. Deleting in the cloud is opt-in and needs the project's name typed.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudUpload from '@mui/icons-material/CloudUpload';
import PlaylistAddCheck from '@mui/icons-material/PlaylistAddCheck';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateTime } from '../../components/date-time';
import { useCloudStore } from '../../data/cloud-store';
import { useProjectStore } from '../../data/project-store';
import { CurrentJob } from './current-job';
import { PlanReview, PlanSummary } from './plan-review';

export function SyncTab() {
  const plan = useCloudStore((s) => s.plan);
  const planning = useCloudStore((s) => s.planning);
  const job = useCloudStore((s) => s.job);
  const makePlan = useCloudStore((s) => s.makePlan);
  const apply = useCloudStore((s) => s.apply);
  const dirty = useProjectStore((s) => s.dirty);
  const save = useProjectStore((s) => s.save);
  const projectName = useProjectStore((s) => s.working?.name ?? '');
  const [prune, setPrune] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const running = job?.state === 'running';
  const deletions = plan?.counts.deletions ?? 0;
  const blocked = plan !== undefined && plan.counts.conflicts > 0;

  const startApply = () => (deletions > 0 ? setConfirming(true) : void apply());

  return (
    <Stack spacing={2}>
      {dirty && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => void save()}>
              Save now
            </Button>
          }
        >
          You have unsaved edits. Plan and apply work on the saved project file: save first to include them.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Button variant="contained" startIcon={planning ? <CircularProgress size={16} color="inherit" /> : <PlaylistAddCheck />} onClick={() => void makePlan(prune)} disabled={planning || running}>
            {plan ? 'Plan again' : 'Plan'}
          </Button>
          <FormControlLabel
            control={<Checkbox checked={prune} onChange={(e) => setPrune(e.target.checked)} />}
            label="Also delete in the cloud what the design dropped since the last sync"
          />
        </Stack>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
          Plan reads the cloud and lists every change apply would make, changing nothing. Only objects this project made are ever changed.
        </Typography>
      </Paper>

      <CurrentJob />

      {plan && (
        <Stack spacing={2} component="section" aria-label="Plan review">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="h2" sx={{ flex: 1 }}>
              Plan for {plan.region}
              <Typography component="span" variant="body2" sx={{ color: 'text.secondary', ml: 1 }}>
                made <DateTime iso={plan.madeAt} />, ids recorded as {plan.profileKey}
              </Typography>
            </Typography>
            <Button variant="contained" color={deletions > 0 ? 'error' : 'primary'} startIcon={<CloudUpload />} disabled={plan.counts.changes === 0 || blocked || running || dirty} onClick={startApply}>
              {plan.counts.changes === 0 ? 'Nothing to apply' : `Apply ${plan.counts.changes} change${plan.counts.changes === 1 ? '' : 's'}`}
            </Button>
          </Stack>
          <PlanSummary plan={plan} />
          {plan.counts.changes === 0 && <Alert severity="success">No changes: the cloud matches the saved design.</Alert>}
          {blocked && <Alert severity="error">The plan has conflicts (marked Conflict below): each says how to settle it. Apply stays off until then.</Alert>}
          <PlanReview plan={plan} />
        </Stack>
      )}

      <ConfirmDialog
        open={confirming}
        title="Delete in the cloud?"
        confirmLabel={`Apply, deleting ${deletions}`}
        destructive
        typedConfirmation={projectName}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void apply(projectName);
        }}
      >
        <Typography variant="body2" sx={{ mb: 1 }}>
          This plan deletes {deletions} object{deletions === 1 ? '' : 's'} in the cloud that the design dropped. Deleted objects (and the calls they served) cannot be brought back by undo. Type the project&apos;s name to confirm.
        </Typography>
      </ConfirmDialog>
    </Stack>
  );
}
