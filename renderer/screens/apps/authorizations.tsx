/**
 * The APIs an app may call, per stage, each with an optional expiry. Expired ones stay listed,
 * marked, so the person sees why calls are refused and can extend or remove them.
 */
import { useMemo, useState } from 'react';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { OTHER_DESCRIPTION_MAX_LENGTH, descriptionProblem } from '../../../shared/model/names';
import type { ApiStageRef, Authorization, Project } from '../../../shared/model/schema';
import { findApi } from '../../../shared/model/stages';
import { ModelText } from '../../components/model-controls';
import { VisuallyHidden } from '../../components/visually-hidden';
import { fieldId, useFieldProblems } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { AddApiStageDialog } from '../common/api-stage-picker';
import type { PartialRef } from '../common/api-stage-picker';
import { sameRef } from '../common/named-edits';
import { isExpired } from './app-edits';

export function AuthorizationsTable({ project, app, highlight }: { project: Project; app: string; highlight?: number }) {
  const edit = useProjectStore((s) => s.edit);
  // Read once per render: a table that stays open past an expiry shows it on the next change.
  const now = Date.now();
  const rows = useMemo(() => project.authorizations.map((a, i) => ({ a, i })).filter(({ a }) => a.app === app), [project.authorizations, app]);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Not authorized on any API yet. Authorize it on an API with APP authentication in a stage so its signed calls are accepted there.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={`Authorizations of ${app}`} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell>API</TableCell>
          <TableCell sx={{ width: 90 }}>Stage</TableCell>
          <TableCell sx={{ width: 260 }}>Expires (ISO 8601, empty = never)</TableCell>
          <TableCell sx={{ width: 96 }}>Status</TableCell>
          <TableCell sx={{ width: 48 }}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(({ a, i }) => (
          <AuthorizationRow
            key={i}
            authorization={a}
            index={i}
            expired={isExpired(a, now)}
            highlighted={highlight === i}
            onExpiry={(v) =>
              edit(`Change expiry of ${app} on ${a.api}`, (p) => ({ ...p, authorizations: p.authorizations.map((x, j) => (j === i ? { ...x, expiresAt: v.trim() || undefined } : x)) }), {
                merge: fieldId(['authorizations', i, 'expiresAt']),
              })
            }
            onRemove={() => edit(`Remove authorization of ${app} on ${a.api}`, (p) => ({ ...p, authorizations: p.authorizations.filter((_, j) => j !== i) }))}
          />
        ))}
      </TableBody>
    </Table>
  );
}

function AuthorizationRow(props: { authorization: Authorization; index: number; expired: boolean; highlighted: boolean; onExpiry: (v: string) => void; onRemove: () => void }) {
  const { authorization: a, index } = props;
  const path = ['authorizations', index];
  const refProblems = [...useFieldProblems(path), ...useFieldProblems([...path, 'api']), ...useFieldProblems([...path, 'group']), ...useFieldProblems([...path, 'app'])];
  const cell = { verticalAlign: 'top' } as const;
  return (
    <TableRow id={fieldId(path)} tabIndex={-1} selected={props.highlighted} sx={props.expired ? { bgcolor: (t) => alpha(t.palette.error.main, 0.08) } : undefined}>
      <TableCell sx={cell}>
        <Typography variant="body2" noWrap title={`${a.group} / ${a.api}`}>
          {a.api}
        </Typography>
        <Typography variant="caption" color="text.secondary" noWrap component="div">
          {a.group}
        </Typography>
        {refProblems.map((m) => (
          <Typography key={m} variant="caption" color="error" component="div" role="alert">
            {m}
          </Typography>
        ))}
      </TableCell>
      <TableCell sx={cell}>{a.stage}</TableCell>
      <TableCell sx={cell}>
        <ModelText path={[...path, 'expiresAt']} label="Expires" value={a.expiresAt ?? ''} placeholder="Never" onChange={props.onExpiry} />
      </TableCell>
      <TableCell sx={cell}>
        {props.expired ? <Chip label="Expired" color="error" /> : <Chip label="Active" color="success" variant="outlined" />}
      </TableCell>
      <TableCell sx={cell}>
        <IconButton aria-label={`Remove authorization on ${a.api} in ${a.stage}`} onClick={props.onRemove}>
          <DeleteOutlined fontSize="small" />
        </IconButton>
      </TableCell>
    </TableRow>
  );
}

/** `2030-01-31T08:00` from a datetime-local input (local time) as ISO UTC without milliseconds. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.000Z$/, 'Z');
}

export function AuthorizeDialog({ project, app, value, onChange, onClose }: { project: Project; app: string; value?: PartialRef; onChange: (ref: PartialRef) => void; onClose: () => void }) {
  const edit = useProjectStore((s) => s.edit);
  const [expires, setExpires] = useState('');
  const [description, setDescription] = useState('');
  const descriptionError = descriptionProblem('this authorization', description, OTHER_DESCRIPTION_MAX_LENGTH);
  const expiresAt = localInputToIso(expires);
  const past = expiresAt !== undefined && Date.parse(expiresAt) <= Date.now();

  const check = (ref: ApiStageRef) => {
    if (project.authorizations.some((x) => x.app === app && sameRef(x, ref))) return `${app} is already authorized on ${ref.api} in ${ref.stage}.`;
    if (findApi(project, ref)?.auth.type === 'ANONYMOUS') {
      return `API ${ref.api} is ANONYMOUS: anyone may call it, so authorizations do not apply. Set its auth type to APP in APIs first.`;
    }
    return undefined;
  };
  const close = () => {
    setExpires('');
    setDescription('');
    onClose();
  };
  return (
    <AddApiStageDialog
      open={value !== undefined}
      title={`Authorize ${app} on an API`}
      project={project}
      value={value ?? { group: '', api: '', stage: 'TEST' }}
      onChange={onChange}
      check={check}
      warn={() => (past ? 'This expiry is in the past: the authorization will be expired at once.' : undefined)}
      blocked={descriptionError}
      addLabel="Authorize"
      onClose={close}
      onAdd={(ref) => {
        const authorization: Authorization = { app, ...ref, expiresAt, description: description.trim() || undefined };
        edit(`Authorize ${app} on ${ref.api} in ${ref.stage}`, (p) => ({ ...p, authorizations: [...p.authorizations, authorization] }));
        close();
      }}
    >
      <TextField
        type="datetime-local"
        label="Expires (your local time)"
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        helperText={expiresAt ? `Stored as ${expiresAt}.` : 'Leave empty for an authorization that never expires.'}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ maxWidth: 320 }}
      />
      <TextField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={descriptionError !== undefined} helperText={descriptionError} />
    </AddApiStageDialog>
  );
}
