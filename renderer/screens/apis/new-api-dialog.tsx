/** New API: group, name, method and path; it starts with a mock backend so it can be called at once. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { nameHint } from '../../../shared/model/names';
import { HTTP_METHODS } from '../../../shared/model/schema';
import type { HttpMethod } from '../../../shared/model/schema';
import { pathSyntaxProblems } from '../../../shared/model/rules/path-syntax';
import { sameRoute } from '../../../shared/model/rules/routes';
import { useProjectStore } from '../../data/project-store';
import { useUiStore } from '../../data/ui-store';
import { withNameFix } from '../../components/name-fix-button';
import { nameVerdict } from '../common/name-check';
import { addApi, newMockApi } from './api-edits';

export function NewApiDialog({ open, defaultGroup, onClose }: { open: boolean; defaultGroup?: string; onClose: () => void }) {
  const project = useProjectStore((s) => s.working);
  const edit = useProjectStore((s) => s.edit);
  const navigate = useUiStore((s) => s.navigate);
  const groups = project?.groups ?? [];
  const [group, setGroup] = useState('');
  const [name, setName] = useState('');
  const [method, setMethod] = useState<HttpMethod>('GET');
  const [path, setPath] = useState('/');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (!open) return;
    setGroup(defaultGroup && groups.some((g) => g.name === defaultGroup) ? defaultGroup : (groups[0]?.name ?? ''));
    setName('');
    setMethod('GET');
    setPath('/');
    setTouched(false);
  }, [open]);

  const verdict = name ? nameVerdict('api', (project?.apis ?? []).filter((a) => a.group === group).map((a) => a.name))(name) : undefined;
  const nameError = !name ? 'Enter a name.' : verdict?.message;
  const pathError = pathSyntaxProblems(path, 'Path', true)[0] ?? (project?.apis.some((a) => a.group === group && sameRoute(a.request, { method, path })) ? `Group ${group} already serves ${method} ${path} (path parameter names do not matter to routing).` : undefined);
  const blocked = !group || nameError !== undefined || pathError !== undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (blocked) return;
    edit(`Create API ${name}`, (p) => addApi(p, newMockApi({ group, name, method, path })));
    onClose();
    navigate('apis', { kind: 'api', group, api: name });
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="new-api-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="new-api-title">New API</DialogTitle>
        <DialogContent>
          {groups.length === 0 ? (
            <Alert
              severity="info"
              action={
                <Button color="inherit" onClick={() => { onClose(); navigate('groups'); }}>
                  Go to Groups
                </Button>
              }
            >
              An API belongs to a group: create a group first.
            </Alert>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              <TextField select label="Group" value={group} onChange={(e) => setGroup(e.target.value)} required>
                {groups.map((g) => (
                  <MenuItem key={g.name} value={g.name}>
                    {g.name}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label="Name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                autoFocus
                // A name the cloud refuses is said as it is typed; an empty one only once Create was pressed.
                error={(touched || name !== '') && nameError !== undefined}
                helperText={withNameFix(((touched || name !== '') && nameError) || nameHint('api'), verdict?.suggestion, setName)}
              />
              <Stack direction="row" spacing={2}>
                <TextField select label="Method" value={method} onChange={(e) => setMethod(e.target.value as HttpMethod)} sx={{ width: 140, flexShrink: 0 }}>
                  {HTTP_METHODS.map((m) => (
                    <MenuItem key={m} value={m}>
                      {m}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  label="Path"
                  value={path}
                  onChange={(e) => setPath(e.target.value)}
                  required
                  fullWidth
                  error={touched && pathError !== undefined}
                  helperText={(touched && pathError) || 'e.g. /orders/[id]: [name] segments become PATH parameters.'}
                  slotProps={{ input: { sx: { fontFamily: 'monospace' } } }}
                />
              </Stack>
              <Alert severity="info" variant="outlined">
                The API starts anonymous, with a mock backend answering 200 and a small JSON body: change both in its editor.
              </Alert>
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={groups.length === 0 || (touched && blocked)}>
            Create API
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
