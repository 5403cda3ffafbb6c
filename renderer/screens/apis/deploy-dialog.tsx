/** Deploy: snapshots the API's working copy into the chosen stages, then saves. */
import { useEffect, useState } from 'react';
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
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { OTHER_DESCRIPTION_MAX_LENGTH, descriptionProblem } from '../../../shared/model/names';
import { STAGES } from '../../../shared/model/schema';
import type { Stage } from '../../../shared/model/schema';
import type { ApiKey } from '../../../shared/model/stages';
import { editAndSave } from '../common/edit-and-save';
import { deployToStages } from './api-edits';

export function DeployDialog({ open, apiRef, blockedReason, onClose }: { open: boolean; apiRef: ApiKey; blockedReason?: string; onClose: () => void }) {
  const [stages, setStages] = useState<Stage[]>(['TEST']);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setStages(['TEST']);
      setDescription('');
    }
  }, [open]);

  const tooLong = descriptionProblem('this deployment', description, OTHER_DESCRIPTION_MAX_LENGTH);
  const reason = blockedReason ?? (stages.length === 0 ? 'Choose at least one stage.' : tooLong);
  const deploy = async () => {
    setBusy(true);
    const ordered = STAGES.filter((s) => stages.includes(s));
    const where = ordered.join(', ');
    await editAndSave(`Deploy ${apiRef.api} to ${where}`, (p) => deployToStages(p, apiRef, ordered, description.trim()), `Deployed ${apiRef.api} to ${where}.`);
    setBusy(false);
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="deploy-title">
      <DialogTitle id="deploy-title">Deploy {apiRef.api}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2, color: 'text.secondary' }}>
          Each stage will serve a snapshot of the API as it is now; later edits do not change it until you deploy again. The project is saved.
        </Typography>
        <FormControl component="fieldset">
          <FormLabel component="legend">Stages</FormLabel>
          <FormGroup row>
            {STAGES.map((stage) => (
              <FormControlLabel
                key={stage}
                label={stage}
                control={<Checkbox checked={stages.includes(stage)} onChange={(e) => setStages((list) => (e.target.checked ? [...list, stage] : list.filter((s) => s !== stage)))} />}
              />
            ))}
          </FormGroup>
        </FormControl>
        <TextField label="Note (optional)" value={description} onChange={(e) => setDescription(e.target.value)} fullWidth sx={{ mt: 2 }} error={tooLong !== undefined} helperText={tooLong ?? 'Kept in the stage history, e.g. what changed.'} />
        {blockedReason && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {blockedReason}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void deploy()} disabled={busy || reason !== undefined} title={reason}>
          {busy ? 'Deploying…' : 'Deploy'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
