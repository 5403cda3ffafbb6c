/**
 * Creates a named thing (policy, app, plug-in): a name checked as typed, a description, and any
 * fields the caller adds. The caller's `onCreate` makes the edit.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { NAME_RULES, descriptionProblem, nameHint } from '../../../shared/model/names';
import type { NamedKind } from '../../../shared/model/names';
import { MultilineTextField } from '../../components/multiline-text-field';
import { withNameFix } from '../../components/name-fix-button';
import { nameVerdict } from './name-check';
import { unusedName } from './named-edits';

export function NewNamedDialog(props: {
  open: boolean;
  title: string;
  kind: NamedKind;
  taken: string[];
  /** Proposed name, made unique (`base`, `base_2`, …). */
  baseName: string;
  createLabel: string;
  onCreate: (name: string, description: string | undefined) => void;
  onClose: () => void;
  children?: ReactNode;
  /** Why the caller's own fields block creation. */
  blocked?: string;
}) {
  const titleId = useId();
  const rule = NAME_RULES[props.kind];
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { open, taken, baseName } = props;
  useEffect(() => {
    if (!open) return;
    setName(unusedName(taken, baseName));
    setDescription('');
    // Reset only when the dialog opens, not while the person types.
  }, [open]);

  const verdict = nameVerdict(props.kind, taken)(name);
  const nameError = verdict?.message;
  const descriptionError = descriptionProblem(`${rule.noun} \`${name}\``, description, rule.descriptionMaxLength);
  const blocked = nameError ?? descriptionError ?? props.blocked;
  const create = () => {
    if (!blocked) props.onCreate(name, description.trim() || undefined);
  };
  return (
    <Dialog open={open} onClose={props.onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          sx={{ pt: 1 }}
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
        >
          <TextField
            label="Name"
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={nameError !== undefined}
            helperText={withNameFix(nameError ?? nameHint(props.kind), verdict?.suggestion, setName)}
          />
          <MultilineTextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            minRows={2}
            error={descriptionError !== undefined}
            helperText={descriptionError}
          />
          {props.children}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button variant="contained" onClick={create} disabled={blocked !== undefined} title={blocked}>
          {props.createLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
