/** Backend: what answers the call — a fixed mock response, or an HTTP service with parameter mapping. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { declaredJson } from '../../../../shared/model/rules/mock-body';
import { HTTP_METHODS, SYSTEM_PARAMETERS, ServiceParameterType } from '../../../../shared/model/schema';
import type { Api, ConstantParameter, Header, HttpBackend, MockBackend, ServiceParameter, SystemParameter } from '../../../../shared/model/schema';
import { CodeEditor } from '../../../components/code-editor';
import { ModelNumber, ModelSelect, ModelText } from '../../../components/model-controls';
import { ProblemText } from '../../../components/problem-text';
import { Section } from '../../../components/section';
import type { RowColumn } from '../../../components/rows-editor';
import { moveItem, removeAt, replaceAt, RowsEditor } from '../../../components/rows-editor';
import { fieldId, useFieldProblems } from '../../../data/fields';
import type { TabProps } from './tab-props';

type ListKey = 'serviceParameters' | 'constantParameters' | 'systemParameters';
const LOCATIONS = ['HEAD', 'QUERY', 'BODY'] as const;
const ALL_LOCATIONS = ['PATH', 'HEAD', 'QUERY', 'BODY'] as const;

function MockSection({ api, at, editApi, backend }: TabProps & { backend: MockBackend }) {
  const base = [...at, 'backend'];
  // `field` is the edited field's path under the backend: its typing merges into one undo step, which Ctrl+Z in that field undoes.
  const setMock = (label: string, change: Partial<MockBackend>, field?: string | (string | number)[]) =>
    editApi(label, (a) => ({ ...a, backend: { ...(a.backend as MockBackend), ...change } }), field === undefined ? undefined : [...base, ...[field].flat()]);
  const bodyProblems = useFieldProblems([...base, 'body']);
  // Whether the body is JSON is the design rule's decision (shared/model/rules/mock-body.ts); its problems come with bodyProblems.
  const jsonBecause = declaredJson(api, backend);
  const headerColumns: RowColumn<Header>[] = [
    { header: 'Name', width: 200, render: (h, i) => <ModelText hideLabel mono label={`Header ${i + 1} name`} path={[...base, 'headers', i, 'name']} value={h.name} onChange={(name) => setMock('Edit mock header', { headers: replaceAt(backend.headers, i, { ...h, name }) }, ['headers', i, 'name'])} /> },
    { header: 'Value', width: 300, render: (h, i) => <ModelText hideLabel mono label={`Header ${i + 1} value`} path={[...base, 'headers', i, 'value']} value={h.value} onChange={(value) => setMock('Edit mock header', { headers: replaceAt(backend.headers, i, { ...h, value }) }, ['headers', i, 'value'])} /> },
  ];
  return (
    <Stack spacing={3}>
      <ModelNumber path={[...base, 'statusCode']} label="Status code" integer min={100} value={backend.statusCode} onChange={(statusCode) => statusCode !== undefined && setMock('Edit mock status code', { statusCode }, 'statusCode')} sx={{ width: 160 }} />
      <Section title="Response headers">
        <RowsEditor
          id={fieldId([...base, 'headers'])}
          label="Mock response headers"
          noun="header"
          rows={backend.headers}
          columns={headerColumns}
          rowName={(h, i) => h.name || String(i + 1)}
          onAdd={() => setMock('Add mock header', { headers: [...backend.headers, { name: backend.headers.length === 0 ? 'Content-Type' : 'X-Header', value: backend.headers.length === 0 ? 'application/json' : '' }] })}
          onRemove={(i) => setMock('Remove mock header', { headers: removeAt(backend.headers, i) })}
          onMove={(from, to) => setMock('Reorder mock headers', { headers: moveItem(backend.headers, from, to) })}
          empty="No headers. Add Content-Type so callers know how to read the body."
        />
      </Section>
      <Section title="Body" description={`Sent as written for every call (at most 50 KB).${jsonBecause ? ` Checked as JSON because ${jsonBecause}.` : ''}`}>
        <CodeEditor
          id={fieldId([...base, 'body'])}
          language={jsonBecause ? 'json' : 'plaintext'}
          value={backend.body}
          onChange={(body) => setMock('Edit mock body', { body }, 'body')}
          ariaLabel={`Mock body of ${api.name}`}
          height={240}
        />
        <ProblemText messages={bodyProblems} />
      </Section>
    </Stack>
  );
}

function HttpSection({ at, editApi, backend }: TabProps & { backend: HttpBackend }) {
  const base = [...at, 'backend'];
  const setHttp = (label: string, change: Partial<HttpBackend>, field?: string | (string | number)[]) =>
    editApi(label, (a) => ({ ...a, backend: { ...(a.backend as HttpBackend), ...change } }), field === undefined ? undefined : [...base, ...[field].flat()]);
  return (
    <Stack spacing={2.5} sx={{ maxWidth: 820 }}>
      <ModelText
        path={[...base, 'address']}
        label="Address"
        required
        mono
        value={backend.address}
        onChange={(address) => setHttp('Edit backend address', { address }, 'address')}
        hint="Scheme, host and port only, e.g. http://127.0.0.1:#backendPort# — #name# is a stage variable of the group."
      />
      <Stack direction="row" spacing={2}>
        <ModelSelect path={[...base, 'method']} label="Method" value={backend.method} options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} onChange={(method) => setHttp('Change backend method', { method })} sx={{ width: 160, flexShrink: 0 }} />
        <ModelText path={[...base, 'path']} label="Path" required mono value={backend.path} onChange={(path) => setHttp('Edit backend path', { path }, 'path')} hint="May hold [param] segments and #name# stage variables." />
      </Stack>
      <Stack direction="row" spacing={2}>
        <ModelNumber path={[...base, 'timeout']} label="Timeout (ms)" integer min={1} value={backend.timeout} onChange={(timeout) => timeout !== undefined && setHttp('Edit backend timeout', { timeout }, 'timeout')} sx={{ width: 180, flexShrink: 0 }} />
        <ModelSelect
          sx={{ minWidth: 320 }}
          path={[...base, 'contentType', 'category']}
          label="Content-Type to the backend"
          value={backend.contentType.category}
          options={[
            { value: 'CLIENT', label: "CLIENT — the caller's Content-Type" },
            { value: 'DEFAULT', label: 'DEFAULT — the gateway default' },
            { value: 'CUSTOM', label: 'CUSTOM — the value below' },
          ]}
          onChange={(category) => setHttp('Change backend Content-Type', { contentType: { ...backend.contentType, category } })}
        />
        <ModelText
          path={[...base, 'contentType', 'value']}
          label="Content-Type value"
          mono
          disabled={backend.contentType.category === 'CLIENT'}
          value={backend.contentType.value ?? ''}
          onChange={(value) => setHttp('Edit backend Content-Type', { contentType: { ...backend.contentType, value: value === '' ? undefined : value } }, ['contentType', 'value'])}
        />
      </Stack>
    </Stack>
  );
}

function MappingTables({ api, at, editApi }: TabProps) {
  const setList = <K extends ListKey>(key: K, label: string, list: Api[K], merge?: (string | number)[]) => editApi(label, (a) => ({ ...a, [key]: list }), merge ? [...at, key, ...merge] : undefined);
  const requestNames = api.parameters.map((p) => p.name);

  const serviceColumns: RowColumn<ServiceParameter>[] = [
    {
      header: 'Request parameter',
      width: 170,
      render: (s, i) => (
        <ModelSelect
          hideLabel
          label={`Mapping ${i + 1} request parameter`}
          path={[...at, 'serviceParameters', i, 'requestParameter']}
          value={s.requestParameter}
          options={[...new Set([...requestNames, s.requestParameter])].map((n) => ({ value: n, label: requestNames.includes(n) ? n : `${n} (not declared)` }))}
          onChange={(requestParameter) => setList('serviceParameters', 'Change mapping', replaceAt(api.serviceParameters, i, { ...s, requestParameter }))}
        />
      ),
    },
    { header: 'Backend name', width: 160, render: (s, i) => <ModelText hideLabel mono label={`Mapping ${i + 1} backend name`} path={[...at, 'serviceParameters', i, 'name']} value={s.name} onChange={(name) => setList('serviceParameters', 'Edit mapping', replaceAt(api.serviceParameters, i, { ...s, name }), [i, 'name'])} /> },
    { header: 'Location', width: 110, render: (s, i) => <ModelSelect hideLabel label={`Mapping ${i + 1} location`} path={[...at, 'serviceParameters', i, 'location']} value={s.location} options={ALL_LOCATIONS.map((v) => ({ value: v, label: v }))} onChange={(location) => setList('serviceParameters', 'Change mapping location', replaceAt(api.serviceParameters, i, { ...s, location }))} /> },
    { header: 'Type', width: 110, render: (s, i) => <ModelSelect hideLabel label={`Mapping ${i + 1} type`} path={[...at, 'serviceParameters', i, 'type']} value={s.type} options={ServiceParameterType.options.map((v) => ({ value: v, label: v }))} onChange={(type) => setList('serviceParameters', 'Change mapping type', replaceAt(api.serviceParameters, i, { ...s, type }))} /> },
  ];
  const constantColumns: RowColumn<ConstantParameter>[] = [
    { header: 'Name', width: 160, render: (c, i) => <ModelText hideLabel mono label={`Constant ${i + 1} name`} path={[...at, 'constantParameters', i, 'name']} value={c.name} onChange={(name) => setList('constantParameters', 'Edit constant', replaceAt(api.constantParameters, i, { ...c, name }), [i, 'name'])} /> },
    { header: 'Value', width: 180, render: (c, i) => <ModelText hideLabel mono label={`Constant ${i + 1} value`} path={[...at, 'constantParameters', i, 'value']} value={c.value} onChange={(value) => setList('constantParameters', 'Edit constant', replaceAt(api.constantParameters, i, { ...c, value }), [i, 'value'])} /> },
    { header: 'Location', width: 110, render: (c, i) => <ModelSelect hideLabel label={`Constant ${i + 1} location`} path={[...at, 'constantParameters', i, 'location']} value={c.location} options={LOCATIONS.map((v) => ({ value: v, label: v }))} onChange={(location) => setList('constantParameters', 'Change constant location', replaceAt(api.constantParameters, i, { ...c, location }))} /> },
    { header: 'Description', width: 200, render: (c, i) => <ModelText hideLabel label={`Constant ${i + 1} description`} path={[...at, 'constantParameters', i, 'description']} value={c.description ?? ''} onChange={(d) => setList('constantParameters', 'Edit constant', replaceAt(api.constantParameters, i, { ...c, description: d === '' ? undefined : d }), [i, 'description'])} /> },
  ];
  const systemColumns: RowColumn<SystemParameter>[] = [
    { header: 'System parameter', width: 200, render: (s, i) => <ModelSelect hideLabel label={`System parameter ${i + 1}`} path={[...at, 'systemParameters', i, 'name']} value={s.name} options={SYSTEM_PARAMETERS.map((v) => ({ value: v, label: v }))} onChange={(name) => setList('systemParameters', 'Change system parameter', replaceAt(api.systemParameters, i, { ...s, name }))} /> },
    { header: 'Backend name', width: 180, render: (s, i) => <ModelText hideLabel mono label={`System parameter ${i + 1} backend name`} path={[...at, 'systemParameters', i, 'serviceParameter']} value={s.serviceParameter} onChange={(serviceParameter) => setList('systemParameters', 'Edit system parameter', replaceAt(api.systemParameters, i, { ...s, serviceParameter }), [i, 'serviceParameter'])} /> },
    { header: 'Location', width: 110, render: (s, i) => <ModelSelect hideLabel label={`System parameter ${i + 1} location`} path={[...at, 'systemParameters', i, 'location']} value={s.location} options={LOCATIONS.map((v) => ({ value: v, label: v }))} onChange={(location) => setList('systemParameters', 'Change system parameter location', replaceAt(api.systemParameters, i, { ...s, location }))} /> },
  ];

  return (
    <Stack spacing={3}>
      <Section title="Parameter mapping" description="Where a request parameter goes at the backend. A parameter not listed here is passed under its own name and location.">
        <RowsEditor
          id={fieldId([...at, 'serviceParameters'])}
          label="Backend parameter mapping"
          noun="mapping"
          rows={api.serviceParameters}
          columns={serviceColumns}
          rowName={(s, i) => s.requestParameter || String(i + 1)}
          onAdd={() => {
            const first = api.parameters.find((p) => !api.serviceParameters.some((s) => s.requestParameter === p.name)) ?? api.parameters[0];
            setList('serviceParameters', 'Add mapping', [...api.serviceParameters, { requestParameter: first?.name ?? '', name: first?.name ?? '', location: first?.location ?? 'QUERY', type: 'STRING' }]);
          }}
          onRemove={(i) => setList('serviceParameters', 'Remove mapping', removeAt(api.serviceParameters, i))}
          onMove={(from, to) => setList('serviceParameters', 'Reorder mappings', moveItem(api.serviceParameters, from, to))}
          empty={api.parameters.length === 0 ? 'No request parameters to map: declare them under Parameters first.' : 'Every request parameter goes to the backend under its own name and location.'}
        />
      </Section>
      <Section title="Constant parameters" description="Fixed values the gateway adds to every backend request.">
        <RowsEditor
          id={fieldId([...at, 'constantParameters'])}
          label="Constant parameters"
          noun="constant"
          rows={api.constantParameters}
          columns={constantColumns}
          rowName={(c, i) => c.name || String(i + 1)}
          onAdd={() => setList('constantParameters', 'Add constant', [...api.constantParameters, { name: 'X-Constant', value: '', location: 'HEAD' }])}
          onRemove={(i) => setList('constantParameters', 'Remove constant', removeAt(api.constantParameters, i))}
          onMove={(from, to) => setList('constantParameters', 'Reorder constants', moveItem(api.constantParameters, from, to))}
          empty="None."
        />
      </Section>
      <Section title="System parameters" description="Values the gateway fills in for the backend, such as the caller's IP or the request id.">
        <RowsEditor
          id={fieldId([...at, 'systemParameters'])}
          label="System parameters"
          noun="system parameter"
          rows={api.systemParameters}
          columns={systemColumns}
          rowName={(s, i) => s.name || String(i + 1)}
          onAdd={() => {
            const name = SYSTEM_PARAMETERS.find((n) => !api.systemParameters.some((s) => s.name === n)) ?? 'CaClientIp';
            setList('systemParameters', 'Add system parameter', [...api.systemParameters, { name, serviceParameter: `X-${name}`, location: 'HEAD' }]);
          }}
          onRemove={(i) => setList('systemParameters', 'Remove system parameter', removeAt(api.systemParameters, i))}
          onMove={(from, to) => setList('systemParameters', 'Reorder system parameters', moveItem(api.systemParameters, from, to))}
          empty="None."
        />
      </Section>
    </Stack>
  );
}

const DEFAULT_MOCK: MockBackend = { type: 'MOCK', statusCode: 200, body: '{"message":"ok"}', headers: [{ name: 'Content-Type', value: 'application/json' }] };
const DEFAULT_HTTP: HttpBackend = { type: 'HTTP', address: 'http://127.0.0.1:8080', path: '/', method: 'GET', timeout: 10_000, contentType: { category: 'CLIENT' } };

export function BackendTab(props: TabProps) {
  const { api, at, editApi } = props;
  const { backend } = api;
  const hasMappings = api.serviceParameters.length + api.constantParameters.length + api.systemParameters.length > 0;
  return (
    <Stack spacing={3}>
      <Box id={fieldId([...at, 'backend', 'type'])} tabIndex={-1}>
        <ToggleButtonGroup
          exclusive
          color="primary"
          size="small"
          value={backend.type}
          aria-label="Backend type"
          onChange={(_e, type: 'MOCK' | 'HTTP' | null) => {
            if (!type || type === backend.type) return;
            editApi(`Change backend to ${type}`, (a) => ({ ...a, backend: type === 'MOCK' ? DEFAULT_MOCK : { ...DEFAULT_HTTP, method: a.request.method === 'ANY' ? 'GET' : a.request.method } }));
          }}
        >
          <ToggleButton value="MOCK">Mock</ToggleButton>
          <ToggleButton value="HTTP">HTTP service</ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
          {backend.type === 'MOCK' ? 'The gateway answers every call itself with the response below; no service is called.' : 'The gateway forwards each call to an HTTP service.'}
        </Typography>
      </Box>
      {backend.type === 'MOCK' ? <MockSection {...props} backend={backend} /> : <HttpSection {...props} backend={backend} />}
      {backend.type === 'HTTP' && <MappingTables {...props} />}
      {backend.type === 'MOCK' && hasMappings && (
        <Alert severity="info">
          This API keeps backend parameter mappings (used when its backend is an HTTP service). They do nothing for a mock.
        </Alert>
      )}
    </Stack>
  );
}
