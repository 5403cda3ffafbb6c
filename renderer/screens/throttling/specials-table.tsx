/** Special limits of a policy: one app (picked from the project's apps) or one account id, with its limit. */
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import type { Project, ThrottlingPolicy } from '../../../shared/model/schema';
import { ModelNumber, ModelText } from '../../components/model-controls';
import { VisuallyHidden } from '../../components/visually-hidden';
import { fieldId, useFieldProblems } from '../../data/fields';
import { useProjectStore } from '../../data/project-store';
import { updatePolicy } from './policy-edits';

type Special = ThrottlingPolicy['specials'][number];

export function SpecialsTable({ project, index }: { project: Project; index: number }) {
  const policy = project.throttlingPolicies[index];
  const edit = useProjectStore((s) => s.edit);
  if (policy.specials.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No special limits: every app and user gets the defaults above.
      </Typography>
    );
  }
  const write = (label: string, k: number, change: (s: Special) => Special, merge?: string) =>
    edit(label, (p) => updatePolicy(p, policy.name, (x) => ({ ...x, specials: x.specials.map((s, j) => (j === k ? change(s) : s)) })), merge ? { merge } : undefined);

  return (
    <Table size="small" aria-label={`Special limits of ${policy.name}`} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 110 }}>Type</TableCell>
          <TableCell>App or account id</TableCell>
          <TableCell sx={{ width: 150 }}>Limit</TableCell>
          <TableCell sx={{ width: 48 }}>
            <VisuallyHidden>Actions</VisuallyHidden>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {policy.specials.map((special, k) => (
          <SpecialRow
            key={k}
            project={project}
            path={['throttlingPolicies', index, 'specials', k]}
            special={special}
            onChange={(label, change, merge) => write(label, k, change, merge)}
            onRemove={() => edit(`Remove special limit of ${policy.name}`, (p) => updatePolicy(p, policy.name, (x) => ({ ...x, specials: x.specials.filter((_, j) => j !== k) })))}
          />
        ))}
      </TableBody>
    </Table>
  );
}

function SpecialRow(props: {
  project: Project;
  path: (string | number)[];
  special: Special;
  onChange: (label: string, change: (s: Special) => Special, merge?: string) => void;
  onRemove: () => void;
}) {
  const { special, path, project } = props;
  const keyPath = [...path, 'key'];
  const keyProblems = useFieldProblems(keyPath);
  const cell = { verticalAlign: 'top', borderBottom: 0 } as const;
  const who = special.key || 'new entry';
  return (
    <TableRow>
      <TableCell sx={cell}>
        <TextField
          id={fieldId([...path, 'type'])}
          select
          label="Type"
          value={special.type}
          onChange={(e) => {
            const type = e.target.value as Special['type'];
            props.onChange('Change special limit type', (s) => ({ ...s, type, key: type === 'APP' ? (project.apps[0]?.name ?? '') : '' }));
          }}
          fullWidth
        >
          <MenuItem value="APP">App</MenuItem>
          <MenuItem value="USER">User</MenuItem>
        </TextField>
      </TableCell>
      <TableCell sx={cell}>
        {special.type === 'APP' ? (
          <TextField
            id={fieldId(keyPath)}
            select
            label="App"
            value={project.apps.some((a) => a.name === special.key) ? special.key : ''}
            onChange={(e) => props.onChange('Change special limit app', (s) => ({ ...s, key: e.target.value }))}
            error={keyProblems.length > 0 || special.key === ''}
            helperText={keyProblems[0] ?? (project.apps.length === 0 ? 'The project has no apps: create one in Apps, or use a user id.' : special.key === '' ? 'Choose an app.' : undefined)}
            fullWidth
          >
            {project.apps.map((a) => (
              <MenuItem key={a.name} value={a.name}>
                {a.name}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <ModelText
            path={keyPath}
            label="Account id"
            value={special.key}
            placeholder="e.g. 1234567890123456"
            localProblem={special.key.trim() === '' ? 'Enter the Alibaba Cloud account id of the user.' : undefined}
            onChange={(v) => props.onChange('Change special limit account', (s) => ({ ...s, key: v }), fieldId(keyPath))}
          />
        )}
      </TableCell>
      <TableCell sx={cell}>
        <ModelNumber integer
          path={[...path, 'limit']}
          label="Limit"
          min={1}
          value={special.limit}
          onChange={(v) => v !== undefined && props.onChange('Change special limit', (s) => ({ ...s, limit: v }), fieldId([...path, 'limit']))}
        />
      </TableCell>
      <TableCell sx={cell}>
        <IconButton aria-label={`Remove special limit for ${who}`} onClick={props.onRemove}>
          <DeleteOutlined fontSize="small" />
        </IconButton>
      </TableCell>
    </TableRow>
  );
}
