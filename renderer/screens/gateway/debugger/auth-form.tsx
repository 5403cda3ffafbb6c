/**
 * How the call authenticates: anonymous, an app's AppCode, or an app signature signed on the host
 * with the app's secret (or a typed secret override), with the knobs that reproduce signing faults.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import type { Project } from '../../../../shared/model/schema';
import { MONO } from '../../../app/theme';
import { useAppCredentials } from '../../../data/credentials';
import type { AuthForm as AuthFormValue, AuthKind, DebugForm } from './debug-form';
import { authorizedApps, definitionFor } from './debug-form';
import { useDebugForm } from './debug-form-store';
import { FormSection } from './request-form';

const mono = { style: { fontFamily: MONO, fontSize: '0.82rem' } };

function AppPicker({ project, form, auth, set }: { project: Project; form: DebugForm; auth: AuthFormValue; set: (change: Partial<AuthFormValue>) => void }) {
  const authorized = authorizedApps(project, form, form.stage);
  const names = project.apps.map((a) => a.name);
  return (
    <TextField
      select
      label="App"
      value={names.includes(auth.app) ? auth.app : ''}
      onChange={(e) => set({ app: e.target.value, appKey: '' })}
      fullWidth
      helperText={names.length === 0 ? 'No apps yet: create one in Apps and generate its credentials.' : authorized.includes(auth.app) ? `Authorized on this API in ${form.stage}.` : `Not authorized on this API in ${form.stage}: the gateway will refuse the call.`}
      slotProps={{ formHelperText: { sx: { color: authorized.includes(auth.app) || names.length === 0 ? undefined : 'warning.dark' } } }}
    >
      {names.map((name) => (
        <MenuItem key={name} value={name}>
          {name}
          {authorized.includes(name) && (
            <Typography component="span" variant="caption" sx={{ ml: 1, color: 'success.main' }}>
              authorized in {form.stage}
            </Typography>
          )}
        </MenuItem>
      ))}
    </TextField>
  );
}

function SignatureFields({ form, auth, set }: { form: DebugForm; auth: AuthFormValue; set: (change: Partial<AuthFormValue>) => void }) {
  const update = useDebugForm((s) => s.update);
  const credentials = useAppCredentials(auth.app || undefined);
  const [showSecret, setShowSecret] = useState(false);
  const keys = credentials.view?.keys ?? [];
  return (
    <Stack spacing={1.75} sx={{ mt: 1.75 }}>
      <Stack direction="row" spacing={1.5}>
        <TextField
          select
          label="AppKey"
          value={auth.appKey}
          onChange={(e) => set({ appKey: e.target.value })}
          sx={{ flex: 1 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          helperText={credentials.error ?? (credentials.view && keys.length === 0 ? 'This app has no credentials: generate them in Apps.' : undefined)}
          error={credentials.error !== undefined}
        >
          <MenuItem value="">{keys[0] ? `First key (${keys[0].appKey})` : 'The app’s first key'}</MenuItem>
          {keys.map((k) => (
            <MenuItem key={k.appKey} value={k.appKey} sx={{ fontFamily: MONO }}>
              {k.appKey}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Signature method" value={auth.signatureMethod} onChange={(e) => set({ signatureMethod: e.target.value as AuthFormValue['signatureMethod'] })} sx={{ width: 170 }}>
          <MenuItem value="HmacSHA256">HmacSHA256</MenuItem>
          <MenuItem value="HmacSHA1">HmacSHA1</MenuItem>
        </TextField>
      </Stack>
      <TextField
        label="Extra signed headers"
        value={auth.extraSignedHeaders}
        onChange={(e) => set({ extraSignedHeaders: e.target.value })}
        placeholder="X-Custom-Header, X-Other"
        helperText="Headers to sign besides the X-Ca-* ones, separated by commas. Give them a value under Headers."
        slotProps={{ htmlInput: mono }}
      />
      <TextField
        label="Drop after signing"
        value={form.dropAfterSigning}
        onChange={(e) => update((f) => ({ ...f, dropAfterSigning: e.target.value }))}
        placeholder="X-Custom-Header"
        helperText="Headers removed after the call is signed, as a proxy on the way might drop them."
        slotProps={{ htmlInput: mono }}
      />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <FormControlLabel control={<Switch checked={auth.fixedTimestamp} onChange={(e) => set({ fixedTimestamp: e.target.checked, timestamp: auth.timestamp || String(Date.now()) })} />} label="Fixed timestamp" sx={{ minWidth: 170, mt: 0.5 }} />
        {auth.fixedTimestamp && <TextField label="Timestamp (ms)" value={auth.timestamp} onChange={(e) => set({ timestamp: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: { ...mono, inputMode: 'numeric' } }} />}
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <FormControlLabel control={<Switch checked={auth.fixedNonce} onChange={(e) => set({ fixedNonce: e.target.checked })} />} label="Fixed nonce" sx={{ minWidth: 170, mt: 0.5 }} />
        {auth.fixedNonce && <TextField label="Nonce" value={auth.nonce} onChange={(e) => set({ nonce: e.target.value })} sx={{ flex: 1 }} slotProps={{ htmlInput: mono }} />}
      </Stack>
      <FormControlLabel control={<Checkbox checked={auth.addContentMd5} onChange={(e) => set({ addContentMd5: e.target.checked })} />} label="Add Content-MD5 of the body" />
      <TextField
        label="Secret override"
        type={showSecret ? 'text' : 'password'}
        value={auth.secretOverride}
        onChange={(e) => set({ secretOverride: e.target.value })}
        autoComplete="off"
        helperText="Signs with this secret instead of the app's own, to see what a wrong secret does. Never saved."
        slotProps={{
          htmlInput: mono,
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton aria-label={showSecret ? 'Hide the secret override' : 'Show the secret override'} onClick={() => setShowSecret((v) => !v)} edge="end">
                  {showSecret ? <VisibilityOffOutlined fontSize="small" /> : <VisibilityOutlined fontSize="small" />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
    </Stack>
  );
}

export function AuthForm({ project, form }: { project: Project; form: DebugForm }) {
  const update = useDebugForm((s) => s.update);
  const auth = form.auth;
  const set = (change: Partial<AuthFormValue>) => update((f) => ({ ...f, auth: { ...f.auth, ...change } }));
  const api = definitionFor(project, form, form.stage).api;
  const apiAuth = api?.auth.type === 'APP' ? 'This API requires an app: sign the call, or send the AppCode where the API allows it.' : 'This API is anonymous: no credentials are needed.';
  return (
    <FormSection title="Authentication" hint={apiAuth}>
      <ToggleButtonGroup exclusive size="small" value={auth.kind} onChange={(_e, kind: AuthKind | null) => kind && set({ kind })} aria-label="Authentication" sx={{ mb: 1.75 }}>
        <ToggleButton value="anonymous">Anonymous</ToggleButton>
        <ToggleButton value="appCode">AppCode</ToggleButton>
        <ToggleButton value="signature">Signature</ToggleButton>
      </ToggleButtonGroup>
      {auth.kind !== 'anonymous' && <AppPicker project={project} form={form} auth={auth} set={set} />}
      {auth.kind === 'appCode' && (
        <Box sx={{ mt: 1 }}>
          <FormControlLabel control={<Checkbox checked={auth.appCodeInQuery} onChange={(e) => set({ appCodeInQuery: e.target.checked })} />} label="Send the AppCode in the query (?AppCode=) instead of the Authorization header" />
        </Box>
      )}
      {auth.kind === 'signature' && <SignatureFields form={form} auth={auth} set={set} />}
    </FormSection>
  );
}
