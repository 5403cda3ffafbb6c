/**
 * Adds or edits a cloud profile: name, region, endpoint override and keys, with a connection test
 * of what is typed before anything is saved. The secret lives only in this dialog's state until
 * Save hands it to the host, which puts it in the vault.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { CloudProfileView, ConnectionTestResult } from '../../../shared/ipc/cloud-views';
import { useCloudStore } from '../../data/cloud-store';
import { toHostError } from '../../data/host-error';
import { MONO } from '../../app/theme';
import { ConnectionTestAlert } from './connection-test-alert';
import { type ProfileField, type ProfileForm, emptyProfileForm, endpointChanged, profileFormOf, profileInputOf, profileProblems, testDraftOf, testProblems } from './profile-form';
import { RegionField } from './region-field';

export interface ProfileDialogProps {
  open: boolean;
  /** The saved profile to edit; absent: a new one. */
  editing?: CloudProfileView;
  /** Names of the saved profiles. */
  taken: string[];
  onClose: () => void;
  onSaved: (name: string) => void;
}

const ALL_FIELDS: ProfileField[] = ['name', 'region', 'endpoint', 'accessKeyId', 'accessKeySecret'];
const mono = { fontFamily: MONO };

export function ProfileDialog({ open, editing, taken, onClose, onSaved }: ProfileDialogProps) {
  const titleId = useId();
  const saveProfile = useCloudStore((s) => s.saveProfile);
  const testConnection = useCloudStore((s) => s.testConnection);
  const [form, setForm] = useState<ProfileForm>(emptyProfileForm);
  // Problems show once a field was left or a button was pressed, not while the first letters are typed.
  const [shown, setShown] = useState<Set<ProfileField>>(new Set());
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ConnectionTestResult>();
  const [regions, setRegions] = useState<{ id: string; name: string }[]>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  // Only the latest test may answer: an earlier one's keys may have been changed since.
  const testSeq = useRef(0);

  useEffect(() => {
    if (!open) return;
    setForm(editing ? profileFormOf(editing) : emptyProfileForm());
    setShown(new Set());
    setResult(undefined);
    setRegions(undefined);
    setError(undefined);
    testSeq.current += 1;
    // Reset only when the dialog opens, not when the list behind it is reloaded.
  }, [open]);

  const context = { editing, taken };
  const problems = profileProblems(form, context);
  const retypeSecret = endpointChanged(form, context);
  const visible = (field: ProfileField) => (shown.has(field) ? problems[field] : undefined);
  const show = (fields: ProfileField[]) => setShown((before) => new Set([...before, ...fields]));
  const set = (field: ProfileField) => (value: string) => {
    setForm((before) => ({ ...before, [field]: value }));
    // A test answers for what was typed then: a changed key or endpoint makes it stale.
    if (field !== 'name') {
      testSeq.current += 1;
      setResult(undefined);
      setTesting(false);
    }
  };

  const test = async () => {
    const blocking = testProblems(form, context);
    show(Object.keys(blocking) as ProfileField[]);
    if (Object.keys(blocking).length > 0) return;
    const seq = ++testSeq.current;
    setTesting(true);
    setResult(undefined);
    let answer: ConnectionTestResult;
    try {
      answer = await testConnection({ draft: testDraftOf(form, context) });
    } catch (e) {
      answer = { ok: false, message: toHostError(e).message };
    }
    if (seq !== testSeq.current) return;
    setTesting(false);
    setResult(answer);
    if (answer.regions && answer.regions.length > 0) setRegions(answer.regions);
  };

  const save = async () => {
    show(ALL_FIELDS);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    setError(undefined);
    try {
      const input = profileInputOf(form, editing?.name);
      await saveProfile(input);
      onSaved(input.name);
    } catch (e) {
      setError(toHostError(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{editing ? `Edit cloud profile ${editing.name}` : 'Add a cloud profile'}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          sx={{ pt: 1 }}
          component="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField
            label="Name"
            required
            autoFocus={!editing}
            value={form.name}
            onChange={(e) => set('name')(e.target.value)}
            onBlur={() => show(['name'])}
            error={visible('name') !== undefined}
            helperText={visible('name') ?? 'How you will recognise it, e.g. prod-hangzhou: letters, digits, _, . and -.'}
          />
          <RegionField value={form.region} onChange={set('region')} onBlur={() => show(['region'])} regions={regions} error={visible('region')} />
          <TextField
            label="Endpoint override"
            value={form.endpoint}
            onChange={(e) => set('endpoint')(e.target.value)}
            onBlur={() => show(['endpoint'])}
            error={visible('endpoint') !== undefined}
            helperText={visible('endpoint') ?? 'Optional. Leave empty for Alibaba Cloud; an OpenAPI URL for a proxy or an offline cloud.'}
            placeholder="Alibaba Cloud"
            slotProps={{ htmlInput: { style: mono, spellCheck: false } }}
          />
          <TextField
            label="AccessKeyId"
            required
            autoFocus={editing !== undefined}
            value={form.accessKeyId}
            onChange={(e) => set('accessKeyId')(e.target.value)}
            onBlur={() => show(['accessKeyId'])}
            error={visible('accessKeyId') !== undefined}
            helperText={visible('accessKeyId') ?? (editing ? `Leave empty to keep ${editing.accessKeyId}; a new one needs its secret typed too.` : undefined)}
            placeholder={editing?.accessKeyId}
            autoComplete="off"
            slotProps={{ htmlInput: { style: mono, spellCheck: false } }}
          />
          <TextField
            label="AccessKeySecret"
            type="password"
            required={!editing || retypeSecret}
            value={form.accessKeySecret}
            onChange={(e) => set('accessKeySecret')(e.target.value)}
            onBlur={() => show(['accessKeySecret'])}
            error={visible('accessKeySecret') !== undefined}
            helperText={
              visible('accessKeySecret') ??
              (retypeSecret
                ? 'The endpoint changed: type the AccessKeySecret again. A saved secret is only sent to the endpoint it was saved for.'
                : editing
                  ? 'Leave empty to keep the saved secret. It is never shown again.'
                  : 'Kept in the vault, never in the project file, and never shown again.')
            }
            autoComplete="new-password"
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          {testing && (
            <Alert severity="info" icon={<CircularProgress size={18} />} aria-label="Connection test">
              Calling DescribeRegions…
            </Alert>
          )}
          {result && <ConnectionTestAlert result={result} />}
          {error && (
            <Alert severity="error" aria-label="Not saved">
              {error}
            </Alert>
          )}
          <button type="submit" hidden />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="outlined" onClick={() => void test()} disabled={testing}>
          Test connection
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Save profile'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
