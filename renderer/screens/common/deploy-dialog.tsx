/**
 * The one Deploy dialog, opened from the Stages screen (the checked APIs) and from an API's editor
 * (that API): snapshots the working copies into the ticked stages with one description, then saves.
 */
import { useEffect, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OTHER_DESCRIPTION_MAX_LENGTH, descriptionProblem } from '../../../shared/model/names';
import { STAGES } from '../../../shared/model/schema';
import type { Stage } from '../../../shared/model/schema';
import { MultilineTextField } from '../../components/multiline-text-field';
import { editAndSave } from './edit-and-save';
import { deployApis, deployBlock, deployTarget, orderedStages } from './deploy-edits';

export interface DeployDialogProps {
  open: boolean;
  group: string;
  apis: string[];
  /** Ticked when the dialog opens. */
  initialStages: Stage[];
  /** Why these APIs cannot be deployed now (their problems), shown in the dialog. */
  blockedReason?: string;
  onClose: () => void;
}

export function DeployDialog({ open, group, apis, initialStages, blockedReason, onClose }: DeployDialogProps) {
  const titleId = useId();
  const [stages, setStages] = useState<Stage[]>(initialStages);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  // Callers pass a new array on each render; the dialog starts over only when it opens or they change.
  const initialKey = initialStages.join();
  useEffect(() => {
    if (open) {
      setStages(STAGES.filter((s) => initialKey.split(',').includes(s)));
      setDescription('');
    }
  }, [open, initialKey]);

  const request = { group, apis, stages, description };
  const block = deployBlock(request, blockedReason);
  const tooLong = descriptionProblem('this deployment', description, OTHER_DESCRIPTION_MAX_LENGTH);
  const what = deployTarget(apis);
  const where = orderedStages(stages).join(', ');
  const toggle = (stage: Stage, on: boolean) => setStages((list) => (on ? [...list, stage] : list.filter((s) => s !== stage)));

  const deploy = async () => {
    setBusy(true);
    await editAndSave(`Deploy ${what} to ${where}`, (p) => deployApis(p, request), `Deployed ${what} to ${where}.`);
    setBusy(false);
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId} sx={{ overflowWrap: 'anywhere' }}>
        Deploy {what}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Each stage you tick serves a snapshot of {apis.length === 1 ? "the API's working copy" : "these APIs' working copies"} as it is now, also in the local gateway;
            later edits reach a stage only when you deploy again. The project is saved.
          </Typography>
          <FormControl component="fieldset" error={stages.length === 0}>
            <FormLabel component="legend">Stages</FormLabel>
            <FormGroup row>
              {STAGES.map((stage) => (
                <FormControlLabel key={stage} label={stage} control={<Checkbox checked={stages.includes(stage)} onChange={(e) => toggle(stage, e.target.checked)} />} />
              ))}
            </FormGroup>
            {stages.length === 0 && <FormHelperText>Choose at least one stage.</FormHelperText>}
          </FormControl>
          <MultilineTextField
            label="Description (optional)"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            minRows={2}
            fullWidth
            placeholder="What changed, e.g. Adds the verbose parameter"
            error={tooLong !== undefined}
            helperText={tooLong ?? `Kept in each stage's history; sync sends it to the cloud. Up to ${OTHER_DESCRIPTION_MAX_LENGTH} characters.`}
            autoFocus
          />
          {stages.includes('RELEASE') && <Alert severity="warning">RELEASE is what callers reach when they send no X-Ca-Stage header.</Alert>}
          {apis.length > 1 && (
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              APIs: {apis.join(', ')}
            </Typography>
          )}
          {blockedReason && <Alert severity="error">{blockedReason}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void deploy()} disabled={busy || block !== undefined} title={block}>
          {busy ? 'Deploying…' : stages.length > 0 ? `Deploy to ${where}` : 'Deploy'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
