/**
 * Asks before something that cannot be undone by a click (delete, discard). With `typedConfirmation`
 * the confirm button stays disabled until the person types that text.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in a sentence or a list. */
  children?: ReactNode;
  confirmLabel: string;
  /** Red button for destructive actions. */
  destructive?: boolean;
  typedConfirmation?: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, destructive, typedConfirmation, onConfirm, onClose }: ConfirmDialogProps) {
  const titleId = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    if (open) setTyped('');
  }, [open]);
  const blocked = typedConfirmation !== undefined && typed !== typedConfirmation;
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children}
        {typedConfirmation !== undefined && (
          <>
            <Typography variant="body2" sx={{ mt: 2, mb: 1 }}>
              Type <code>{typedConfirmation}</code> to confirm.
            </Typography>
            <TextField label="Confirmation" value={typed} onChange={(e) => setTyped(e.target.value)} fullWidth autoFocus />
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" color={destructive ? 'error' : 'primary'} disabled={blocked} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
