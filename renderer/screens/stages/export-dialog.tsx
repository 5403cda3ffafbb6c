/** Exports a group's APIs as an OpenAPI 3.0 document: what a stage serves, or the working copies. */
import { useId, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Alert from '@mui/material/Alert';
import { STAGES } from '../../../shared/model/schema';
import type { Stage } from '../../../shared/model/schema';
import { exportOpenApi } from '../../data/export';
import { useUiStore } from '../../data/ui-store';
import { downloadText } from '../common/download';

type Source = 'working' | Stage;

export function ExportDialog({ open, group, initialStage, onClose }: { open: boolean; group: string; initialStage: Stage; onClose: () => void }) {
  const titleId = useId();
  const notify = useUiStore((s) => s.notify);
  const [source, setSource] = useState<Source>(initialStage);
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const doc = await exportOpenApi(group, source === 'working' ? undefined : source, format);
      downloadText(doc.fileName, doc.text, format === 'json' ? 'application/json' : 'application/yaml');
      notify(`Exported ${doc.fileName}.`, 'success');
      onClose();
    } catch (e) {
      setError(`Could not export group ${group}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>Export {group} as OpenAPI</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select label="APIs" value={source} onChange={(e) => setSource(e.target.value as Source)} helperText="A stage exports the snapshots it serves.">
            {STAGES.map((s) => (
              <MenuItem key={s} value={s}>
                What {s} serves
              </MenuItem>
            ))}
            <MenuItem value="working">The working copies</MenuItem>
          </TextField>
          <TextField select label="Format" value={format} onChange={(e) => setFormat(e.target.value as 'yaml' | 'json')}>
            <MenuItem value="yaml">YAML</MenuItem>
            <MenuItem value="json">JSON</MenuItem>
          </TextField>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={busy} onClick={() => void run()}>
          Download
        </Button>
      </DialogActions>
    </Dialog>
  );
}
