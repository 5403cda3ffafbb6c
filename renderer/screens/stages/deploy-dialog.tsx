/** Deploys the working copies of the checked APIs to one stage, with a description. */
import { useEffect, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { OTHER_DESCRIPTION_MAX_LENGTH, descriptionProblem } from '../../../shared/model/names';
import { STAGES } from '../../../shared/model/schema';
import type { Stage } from '../../../shared/model/schema';
import { deployApi } from '../../../shared/model/stages';
import { editAndSave } from '../common/edit-and-save';

export function DeployDialog({ open, group, apis, initialStage, onClose }: { open: boolean; group: string; apis: string[]; initialStage: Stage; onClose: () => void }) {
  const titleId = useId();
  const [stage, setStage] = useState<Stage>(initialStage);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setStage(initialStage);
      setDescription('');
    }
  }, [open, initialStage]);
  const tooLong = descriptionProblem('this deployment', description, OTHER_DESCRIPTION_MAX_LENGTH);
  const what = apis.length === 1 ? apis[0] : `${apis.length} APIs`;

  const deploy = async () => {
    setBusy(true);
    const change = { description: description.trim() || undefined };
    await editAndSave(
      `Deploy ${what} to ${stage}`,
      (p) => apis.reduce((acc, api) => deployApi(acc, { group, api }, stage, change), p),
      `Deployed ${what} to ${stage}.`,
    );
    setBusy(false);
    onClose();
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Deploy {what}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <div>
            <FormLabel id={`${titleId}-stage`}>Stage</FormLabel>
            <RadioGroup row aria-labelledby={`${titleId}-stage`} value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
              {STAGES.map((s) => (
                <FormControlLabel key={s} value={s} control={<Radio />} label={s} />
              ))}
            </RadioGroup>
          </div>
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
            placeholder="What changed, e.g. Adds the verbose parameter"
            error={tooLong !== undefined}
            helperText={tooLong ?? 'Shown in the stage history; optional.'}
            autoFocus
          />
          <Typography variant="body2" color="text.secondary">
            Each API's working copy is snapshotted as a new version of its {stage} history and the project is saved. {stage} then serves the snapshot, also in the local gateway.
          </Typography>
          {stage === 'RELEASE' && <Alert severity="warning">RELEASE is what callers reach when they send no X-Ca-Stage header.</Alert>}
          <Typography variant="body2" component="div">
            APIs: {apis.join(', ')}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void deploy()} disabled={busy || tooLong !== undefined}>
          Deploy to {stage}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
