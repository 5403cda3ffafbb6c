/** Responses: what the API returns, as documentation — result type, samples, error codes. */
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorCodeSample as ErrorCodeSampleSchema, ResultConfig } from '../../../../shared/model/schema';
import type { z } from 'zod';
import type { CodeLanguage } from '../../../components/code-editor';
import { CodeEditor } from '../../../components/code-editor';
import { ModelSelect, ModelText } from '../../../components/model-controls';
import { ProblemText } from '../../../components/problem-text';
import type { RowColumn } from '../../../components/rows-editor';
import { moveItem, removeAt, replaceAt, RowsEditor } from '../../../components/rows-editor';
import { fieldId, useFieldProblems } from '../../../data/fields';
import type { TabProps } from './tab-props';

type Result = z.infer<typeof ResultConfig>;
type ErrorCodeSample = z.infer<typeof ErrorCodeSampleSchema>;
type ResultType = Result['type'];
const RESULT_TYPES = ResultConfig.shape.type.unwrap().options;

const LANGUAGE: Record<ResultType, CodeLanguage> = { JSON: 'json', XML: 'xml', HTML: 'html', TEXT: 'plaintext', BINARY: 'plaintext', PASSTHROUGH: 'plaintext' };

function Sample({ at, field, title, value, language, onChange }: { at: TabProps['at']; field: 'sample' | 'failSample'; title: string; value: string; language: CodeLanguage; onChange: (text: string) => void }) {
  const path = [...at, 'result', field];
  const problems = useFieldProblems(path);
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <CodeEditor id={fieldId(path)} language={language} value={value} onChange={onChange} ariaLabel={title} height={180} />
      <ProblemText messages={problems} />
    </Box>
  );
}

export function ResponsesTab({ api, at, editApi }: TabProps) {
  const result: Result = api.result ?? { type: 'JSON' };
  const setResult = (label: string, change: Partial<Result>, field?: string) =>
    editApi(label, (a) => ({ ...a, result: { ...(a.result ?? { type: 'JSON' }), ...change } }), field ? [...at, 'result', field] : undefined);
  const setCodes = (label: string, errorCodes: ErrorCodeSample[], merge?: (string | number)[]) => editApi(label, (a) => ({ ...a, errorCodes }), merge ? [...at, 'errorCodes', ...merge] : undefined);
  const columns: RowColumn<ErrorCodeSample>[] = [
    { header: 'Code', width: 140, render: (c, i) => <ModelText hideLabel mono label={`Error ${i + 1} code`} path={[...at, 'errorCodes', i, 'code']} value={c.code} onChange={(code) => setCodes('Edit error code', replaceAt(api.errorCodes, i, { ...c, code }), [i, 'code'])} /> },
    { header: 'Message', width: 220, render: (c, i) => <ModelText hideLabel label={`Error ${i + 1} message`} path={[...at, 'errorCodes', i, 'message']} value={c.message} onChange={(message) => setCodes('Edit error message', replaceAt(api.errorCodes, i, { ...c, message }), [i, 'message'])} /> },
    { header: 'Description', width: 240, render: (c, i) => <ModelText hideLabel label={`Error ${i + 1} description`} path={[...at, 'errorCodes', i, 'description']} value={c.description ?? ''} onChange={(d) => setCodes('Edit error description', replaceAt(api.errorCodes, i, { ...c, description: d === '' ? undefined : d }), [i, 'description'])} /> },
  ];
  const language = LANGUAGE[result.type];
  return (
    <Stack spacing={3}>
      <ModelSelect path={[...at, 'result', 'type']} label="Result type" value={result.type} options={RESULT_TYPES.map((t) => ({ value: t, label: t }))} onChange={(type) => setResult('Change result type', { type })} sx={{ maxWidth: 240 }} />
      <Sample at={at} field="sample" title="Success sample" value={result.sample ?? ''} language={language} onChange={(t) => setResult('Edit success sample', { sample: t === '' ? undefined : t }, 'sample')} />
      <Sample at={at} field="failSample" title="Failure sample" value={result.failSample ?? ''} language={language} onChange={(t) => setResult('Edit failure sample', { failSample: t === '' ? undefined : t }, 'failSample')} />
      <Box component="section" aria-label="Error codes">
        <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
          Error codes
        </Typography>
        <RowsEditor
          id={fieldId([...at, 'errorCodes'])}
          label="Error code samples"
          noun="error code"
          rows={api.errorCodes}
          columns={columns}
          rowName={(c, i) => c.code || String(i + 1)}
          onAdd={() => setCodes('Add error code', [...api.errorCodes, { code: '', message: '' }])}
          onRemove={(i) => setCodes('Remove error code', removeAt(api.errorCodes, i))}
          onMove={(from, to) => setCodes('Reorder error codes', moveItem(api.errorCodes, from, to))}
          empty="None documented."
        />
      </Box>
    </Stack>
  );
}
