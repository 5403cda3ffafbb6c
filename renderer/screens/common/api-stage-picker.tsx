/**
 * Picks one API in one stage (group → API → stage), for throttling and plug-in bindings and for
 * authorizations. Used inside a dialog; the caller adds its own fields and the Add button.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { STAGES } from '../../../shared/model/schema';
import type { ApiStageRef, Project, Stage } from '../../../shared/model/schema';

export interface PartialRef {
  group: string;
  api: string;
  stage: Stage;
}

export function ApiStageFields({ project, value, onChange }: { project: Project; value: PartialRef; onChange: (ref: PartialRef) => void }) {
  const apis = useMemo(() => project.apis.filter((a) => a.group === value.group), [project.apis, value.group]);
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
      <TextField
        select
        label="Group"
        value={value.group}
        onChange={(e) => onChange({ ...value, group: e.target.value, api: '' })}
        size="small"
        sx={{ minWidth: 180, flex: 1 }}
        helperText={project.groups.length === 0 ? 'No groups yet: create one in Groups.' : undefined}
      >
        {project.groups.map((g) => (
          <MenuItem key={g.name} value={g.name}>
            {g.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label="API"
        value={value.api}
        onChange={(e) => onChange({ ...value, api: e.target.value })}
        size="small"
        sx={{ minWidth: 180, flex: 1 }}
        disabled={!value.group}
        helperText={value.group && apis.length === 0 ? 'This group has no APIs yet.' : undefined}
      >
        {apis.map((a) => (
          <MenuItem key={a.name} value={a.name}>
            {a.name} <span style={{ opacity: 0.6, marginLeft: 8 }}>{a.request.method} {a.request.path}</span>
          </MenuItem>
        ))}
      </TextField>
      <TextField select label="Stage" value={value.stage} onChange={(e) => onChange({ ...value, stage: e.target.value as Stage })} size="small" sx={{ width: 130 }}>
        {STAGES.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/**
 * A dialog that adds one (group, API, stage) reference. `check` returns a blocking message (the
 * reference is already there); `warn` a non-blocking one (e.g. the API is anonymous).
 */
export function AddApiStageDialog(props: {
  open: boolean;
  title: string;
  project: Project;
  value: PartialRef;
  onChange: (ref: PartialRef) => void;
  onAdd: (ref: ApiStageRef) => void;
  onClose: () => void;
  check?: (ref: ApiStageRef) => string | undefined;
  warn?: (ref: ApiStageRef) => string | undefined;
  children?: ReactNode;
  addLabel?: string;
  /** Extra reason the Add button is disabled (from the caller's fields). */
  blocked?: string;
}) {
  const { value } = props;
  const complete = value.group !== '' && value.api !== '';
  const blocking = complete ? props.check?.(value) : undefined;
  const warning = complete ? props.warn?.(value) : undefined;
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="add-api-stage-title">
      <DialogTitle id="add-api-stage-title">{props.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <ApiStageFields project={props.project} value={value} onChange={props.onChange} />
          {props.children}
          {blocking && <Alert severity="error">{blocking}</Alert>}
          {warning && <Alert severity="warning">{warning}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!complete || blocking !== undefined || props.blocked !== undefined}
          title={!complete ? 'Choose a group and an API first.' : (blocking ?? props.blocked)}
          onClick={() => props.onAdd({ group: value.group, api: value.api, stage: value.stage })}
        >
          {props.addLabel ?? 'Add'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** A reference to start from: the first group and API of the project, in TEST. */
export function firstRef(project: Project): PartialRef {
  const group = project.groups[0]?.name ?? '';
  const api = project.apis.find((a) => a.group === group)?.name ?? '';
  return { group, api, stage: 'TEST' };
}
