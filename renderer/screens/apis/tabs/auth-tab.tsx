/** Auth: who may call the API — anyone, or authorized apps (signature or AppCode). */
import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { SIGNATURE_METHODS } from '../../../../shared/model/schema';
import type { Auth, SignatureMethod } from '../../../../shared/model/schema';
import { ModelSelect } from '../../../components/model-controls';
import { fieldId, useFieldProblems } from '../../../data/fields';
import { useProjectStore } from '../../../data/project-store';
import type { TabProps } from './tab-props';

type AppAuth = Extract<Auth, { type: 'APP' }>;
const APP_DEFAULT: AppAuth = { type: 'APP', signatureMethods: ['HmacSHA256'], appCodeAuthType: 'DEFAULT', forceNonceCheck: false };

const APPCODE_MODES: { value: AppAuth['appCodeAuthType']; label: string }[] = [
  { value: 'DEFAULT', label: 'DEFAULT — follow the group (off unless listed on the Marketplace)' },
  { value: 'DISABLE', label: 'DISABLE — signature only' },
  { value: 'HEADER', label: 'HEADER — also accept Authorization: APPCODE <code>' },
  { value: 'HEADER_QUERY', label: 'HEADER_QUERY — also accept the header or ?AppCode=' },
];

function SignatureMethods({ at, auth, onChange }: { at: TabProps['at']; auth: AppAuth; onChange: (methods: SignatureMethod[]) => void }) {
  const path = [...at, 'auth', 'signatureMethods'];
  const problems = useFieldProblems(path);
  const toggle = (method: SignatureMethod, on: boolean) => onChange(SIGNATURE_METHODS.filter((m) => (m === method ? on : auth.signatureMethods.includes(m))));
  const messages = auth.signatureMethods.length === 0 ? ['Choose at least one signature method.', ...problems] : problems;
  return (
    <FormControl component="fieldset" error={messages.length > 0} id={fieldId(path)} tabIndex={-1}>
      <FormLabel component="legend">Signature methods</FormLabel>
      <FormGroup row>
        {SIGNATURE_METHODS.map((m) => (
          <FormControlLabel key={m} label={m} control={<Checkbox checked={auth.signatureMethods.includes(m)} onChange={(e) => toggle(m, e.target.checked)} />} />
        ))}
      </FormGroup>
      <FormHelperText>{messages.length > 0 ? messages.join(' ') : 'HmacSHA256 alone, or both (the cloud allows HmacSHA1 only alongside it).'}</FormHelperText>
    </FormControl>
  );
}

export function AuthTab({ api, at, editApi }: TabProps) {
  const { auth } = api;
  const authorizations = useProjectStore((s) => s.working?.authorizations);
  const granted = useMemo(() => (authorizations ?? []).filter((a) => a.group === api.group && a.api === api.name), [authorizations, api.group, api.name]);
  const typeProblems = useFieldProblems([...at, 'auth', 'type']);
  const setApp = (label: string, change: Partial<AppAuth>) => editApi(label, (a) => ({ ...a, auth: { ...(a.auth as AppAuth), ...change } }));

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 720 }}>
      <FormControl id={fieldId([...at, 'auth', 'type'])} tabIndex={-1} error={typeProblems.length > 0}>
        <FormLabel id="auth-type-label">Who may call</FormLabel>
        <RadioGroup
          aria-labelledby="auth-type-label"
          value={auth.type}
          onChange={(e) => editApi('Change auth type', (a) => ({ ...a, auth: e.target.value === 'APP' ? APP_DEFAULT : { type: 'ANONYMOUS' } }))}
        >
          <FormControlLabel value="ANONYMOUS" control={<Radio />} label="Anyone (ANONYMOUS): no signature, no app" />
          <FormControlLabel value="APP" control={<Radio />} label="Authorized apps (APP): signed with AppKey/AppSecret, or with an AppCode" />
        </RadioGroup>
        {typeProblems.length > 0 && <FormHelperText>{typeProblems.join(' ')}</FormHelperText>}
      </FormControl>
      {auth.type === 'APP' && (
        <>
          <SignatureMethods at={at} auth={auth} onChange={(signatureMethods) => setApp('Change signature methods', { signatureMethods })} />
          <ModelSelect path={[...at, 'auth', 'appCodeAuthType']} label="AppCode" value={auth.appCodeAuthType} options={APPCODE_MODES} onChange={(appCodeAuthType) => setApp('Change AppCode mode', { appCodeAuthType })} />
          <FormControlLabel
            control={<Switch id={fieldId([...at, 'auth', 'forceNonceCheck'])} checked={auth.forceNonceCheck} onChange={(e) => setApp('Change nonce check', { forceNonceCheck: e.target.checked })} />}
            label="Require X-Ca-Nonce on every signed call (refuses replays)"
          />
          <Alert severity={granted.length > 0 ? 'success' : 'info'}>
            {granted.length > 0
              ? `Authorized: ${granted.map((g) => `${g.app} in ${g.stage}`).join(', ')}. Manage authorizations under Apps.`
              : 'No app is authorized to call this API yet: authorize one under Apps.'}
          </Alert>
        </>
      )}
      {auth.type === 'ANONYMOUS' && granted.length > 0 && (
        <Alert severity="warning">
          {granted.length === 1 ? 'One authorization' : `${granted.length} authorizations`} ({granted.map((g) => `${g.app} in ${g.stage}`).join(', ')}) apply only to APP APIs. Remove them under Apps, or set the type to APP.
        </Alert>
      )}
    </Stack>
  );
}
