/** Request: how callers reach the API — protocols, method, path, mode and body format. */
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import { requestMethodCloudProblem } from '../../../../shared/model/cloud-methods';
import { HTTP_METHODS } from '../../../../shared/model/schema';
import type { HttpMethod, RequestConfig, RequestMode } from '../../../../shared/model/schema';
import { ModelSelect, ModelText } from '../../../components/model-controls';
import { fieldId, useFieldProblems } from '../../../data/fields';
import type { TabProps } from './tab-props';

const MODES: { value: RequestMode; label: string }[] = [
  { value: 'MAPPING', label: 'MAPPING — only declared parameters reach the backend' },
  { value: 'MAPPING_PASSTHROUGH', label: 'MAPPING_PASSTHROUGH — declared parameters are mapped, others pass through' },
  { value: 'PASSTHROUGH', label: 'PASSTHROUGH — the request goes to the backend as sent' },
];

type BodyFormat = 'FORM' | 'STREAM' | 'unset';
const BODY_FORMATS: { value: BodyFormat; label: string }[] = [
  { value: 'unset', label: 'Not set' },
  { value: 'FORM', label: 'FORM — form fields (BODY parameters)' },
  { value: 'STREAM', label: 'STREAM — one body, passed on as a whole' },
];

function Protocols({ at, request, onChange }: { at: TabProps['at']; request: RequestConfig; onChange: (protocols: RequestConfig['protocols']) => void }) {
  const path = [...at, 'request', 'protocols'];
  const problems = useFieldProblems(path);
  const toggle = (protocol: 'HTTP' | 'HTTPS', on: boolean) => {
    const next = (['HTTP', 'HTTPS'] as const).filter((p) => (p === protocol ? on : request.protocols.includes(p)));
    onChange(next);
  };
  const local = request.protocols.length === 0 ? 'Choose at least one protocol.' : undefined;
  const messages = local ? [local, ...problems] : problems;
  return (
    <FormControl component="fieldset" error={messages.length > 0} id={fieldId(path)} tabIndex={-1}>
      <FormLabel component="legend">Protocols</FormLabel>
      <FormGroup row>
        {(['HTTP', 'HTTPS'] as const).map((p) => (
          <FormControlLabel key={p} label={p} control={<Checkbox checked={request.protocols.includes(p)} onChange={(e) => toggle(p, e.target.checked)} />} />
        ))}
      </FormGroup>
      {messages.length > 0 && <FormHelperText>{messages.join(' ')}</FormHelperText>}
    </FormControl>
  );
}

export function RequestTab({ api, at, editApi }: TabProps) {
  const { request } = api;
  const cloudNote = requestMethodCloudProblem(request.method);
  const setRequest = (label: string, change: Partial<RequestConfig>, merge?: boolean) =>
    editApi(label, (a) => ({ ...a, request: { ...a.request, ...change } }), merge ? [...at, 'request', ...Object.keys(change)] : undefined);
  return (
    <Stack spacing={2.5} sx={{ maxWidth: 720 }}>
      <Protocols at={at} request={request} onChange={(protocols) => setRequest('Change protocols', { protocols })} />
      <Stack direction="row" spacing={2}>
        <ModelSelect
          path={[...at, 'request', 'method']}
          label="Method"
          value={request.method}
          options={HTTP_METHODS.map((m) => ({ value: m, label: m }))}
          onChange={(method: HttpMethod) => setRequest('Change method', { method })}
          sx={{ width: 160, flexShrink: 0 }}
        />
        <ModelText
          path={[...at, 'request', 'path']}
          label="Path"
          required
          mono
          value={request.path}
          onChange={(path) => setRequest('Edit request path', { path }, true)}
          hint="Starts with /. A [name] segment is a path parameter (declare it under Parameters); a final /* matches every sub-path."
        />
      </Stack>
      {/* ANY runs locally but cannot be synced: said right under the field, without making the design invalid. */}
      {cloudNote && (
        <Alert severity="warning">
          {cloudNote}
        </Alert>
      )}
      <ModelSelect path={[...at, 'request', 'mode']} label="Mode" value={request.mode} options={MODES} onChange={(mode) => setRequest('Change request mode', { mode })} />
      <ModelSelect
        path={[...at, 'request', 'bodyFormat']}
        label="Body format"
        value={request.bodyFormat ?? 'unset'}
        options={BODY_FORMATS}
        onChange={(value) => setRequest('Change body format', { bodyFormat: value === 'unset' ? undefined : value })}
        hint="How a POST, PUT or PATCH body is read in MAPPING mode."
      />
    </Stack>
  );
}
