/** Parameters: what a request carries and the rules each value must follow. */
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ParameterLocation, ParameterType } from '../../../../shared/model/schema';
import type { Api, RequestParameter } from '../../../../shared/model/schema';
import { ModelCheckbox, ModelList, ModelNumber, ModelSelect, ModelText, scalarText } from '../../../components/model-controls';
import type { RowColumn } from '../../../components/rows-editor';
import { moveItem, removeAt, replaceAt, RowsEditor } from '../../../components/rows-editor';
import { fieldId } from '../../../data/fields';
import type { TabProps } from './tab-props';

const NUMERIC = new Set(['Int', 'Long', 'Float', 'Double']);

/** Renames a parameter; backend mappings that name it follow, so they never dangle. */
function renameParameter(api: Api, index: number, name: string): Api {
  const old = api.parameters[index].name;
  return {
    ...api,
    parameters: replaceAt(api.parameters, index, { ...api.parameters[index], name }),
    serviceParameters: api.serviceParameters.map((s) => (s.requestParameter === old ? { ...s, requestParameter: name } : s)),
  };
}

function unusedName(api: Api): string {
  const names = new Set(api.parameters.map((p) => p.name));
  for (let n = 1; ; n++) if (!names.has(`param${n}`)) return `param${n}`;
}

export function ParametersTab({ api, at, editApi }: TabProps) {
  const base = [...at, 'parameters'];
  const setParam = (i: number, label: string, change: Partial<RequestParameter>, field?: string) =>
    editApi(label, (a) => ({ ...a, parameters: replaceAt(a.parameters, i, { ...a.parameters[i], ...change }) }), field ? [...base, i, field] : undefined);
  const p = (i: number, field: string) => [...base, i, field];
  const label = (row: RequestParameter, i: number, what: string) => `Parameter ${row.name || i + 1} ${what}`;

  const columns: RowColumn<RequestParameter>[] = [
    {
      header: 'Name',
      width: 150,
      render: (row, i) => (
        <ModelText hideLabel label={label(row, i, 'name')} path={p(i, 'name')} value={row.name} mono onChange={(name) => editApi('Rename parameter', (a) => renameParameter(a, i, name), p(i, 'name'))} />
      ),
    },
    {
      header: 'Location',
      width: 110,
      render: (row, i) => (
        <ModelSelect hideLabel label={label(row, i, 'location')} path={p(i, 'location')} value={row.location} options={ParameterLocation.options.map((v) => ({ value: v, label: v }))} onChange={(location) => setParam(i, 'Change parameter location', { location })} />
      ),
    },
    {
      header: 'Type',
      width: 110,
      render: (row, i) => (
        <ModelSelect hideLabel label={label(row, i, 'type')} path={p(i, 'type')} value={row.type} options={ParameterType.options.map((v) => ({ value: v, label: v }))} onChange={(type) => setParam(i, 'Change parameter type', { type })} />
      ),
    },
    {
      header: 'Required',
      width: 70,
      render: (row, i) => <ModelCheckbox hideLabel label={label(row, i, 'required')} path={p(i, 'required')} checked={row.required} onChange={(required) => setParam(i, 'Change required', { required })} />,
    },
    {
      header: 'Default',
      width: 120,
      render: (row, i) => (
        <ModelText hideLabel label={label(row, i, 'default')} path={p(i, 'default')} value={scalarText(row.default)} onChange={(v) => setParam(i, 'Edit default value', { default: v === '' ? undefined : v }, 'default')} />
      ),
    },
    {
      header: 'Demo',
      width: 120,
      help: 'An example value for the documentation',
      render: (row, i) => <ModelText hideLabel label={label(row, i, 'demo value')} path={p(i, 'demo')} value={scalarText(row.demo)} onChange={(v) => setParam(i, 'Edit demo value', { demo: v === '' ? undefined : v }, 'demo')} />,
    },
    {
      header: 'Description',
      width: 260,
      render: (row, i) => (
        <ModelText hideLabel multiline label={label(row, i, 'description')} path={p(i, 'description')} value={row.description ?? ''} onChange={(v) => setParam(i, 'Edit parameter description', { description: v === '' ? undefined : v }, 'description')} />
      ),
    },
  ];

  /** The checks on a value, on the row's second line: each field labelled, those of another type greyed out. */
  const checks = (row: RequestParameter, i: number) => {
    const numeric = NUMERIC.has(row.type);
    const text = row.type === 'String';
    const named = (what: string) => ({ label: what, ariaLabel: label(row, i, what.toLowerCase()) });
    return (
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start', pl: 0.25 }} role="group" aria-label={`Checks of parameter ${row.name || i + 1}`}>
        <ModelNumber {...named('Minimum')} optional path={p(i, 'min')} value={row.min} disabled={!numeric && row.min === undefined} onChange={(min) => setParam(i, 'Edit minimum', { min }, 'min')} sx={{ width: 120 }} />
        <ModelNumber {...named('Maximum')} optional path={p(i, 'max')} value={row.max} disabled={!numeric && row.max === undefined} onChange={(max) => setParam(i, 'Edit maximum', { max }, 'max')} sx={{ width: 120 }} />
        <ModelNumber {...named('Minimum length')} optional integer min={0} path={p(i, 'minLength')} value={row.minLength} disabled={!text && row.minLength === undefined} onChange={(minLength) => setParam(i, 'Edit minimum length', { minLength }, 'minLength')} sx={{ width: 150 }} />
        <ModelNumber {...named('Maximum length')} optional integer min={0} path={p(i, 'maxLength')} value={row.maxLength} disabled={!text && row.maxLength === undefined} onChange={(maxLength) => setParam(i, 'Edit maximum length', { maxLength }, 'maxLength')} sx={{ width: 150 }} />
        <ModelText {...named('Regex')} mono path={p(i, 'regex')} value={row.regex ?? ''} disabled={!text && row.regex === undefined} onChange={(v) => setParam(i, 'Edit regex', { regex: v === '' ? undefined : v }, 'regex')} sx={{ width: 200 }} />
        <ModelList {...named('Allowed values')} path={p(i, 'enum')} value={row.enum} placeholder="a, b, c" hint="Separated by commas" onChange={(values) => setParam(i, 'Edit allowed values', { enum: values }, 'enum')} sx={{ width: 220 }} />
      </Stack>
    );
  };

  return (
    <>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5, maxWidth: 820 }}>
        Each parameter is checked by the gateway before the backend sees the call. PATH parameters fill the <code>[name]</code> segments of the request path.
        The second line of each parameter holds its checks: minimum and maximum apply to numbers; lengths and regex to strings.
      </Typography>
      <RowsEditor
        id={fieldId(base)}
        label="Request parameters"
        noun="parameter"
        rows={api.parameters}
        columns={columns}
        rowName={(row, i) => row.name || String(i + 1)}
        onAdd={() => editApi('Add parameter', (a) => ({ ...a, parameters: [...a.parameters, { name: unusedName(a), location: 'QUERY', type: 'String', required: false }] }))}
        onRemove={(i) => editApi('Remove parameter', (a) => ({ ...a, parameters: removeAt(a.parameters, i) }))}
        onMove={(from, to) => editApi('Reorder parameters', (a) => ({ ...a, parameters: moveItem(a.parameters, from, to) }))}
        details={checks}
        empty="No parameters: the API takes none, or passes everything through. Add one to check a value or map it to the backend."
      />
    </>
  );
}
