/** Settings of a CORS plug-in: origins, methods, headers, credentials and how long browsers cache the answer. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import { HTTP_METHODS } from '../../../shared/model/schema';
import type { CorsConfig } from '../../../shared/model/schema';
import { ProblemText } from '../../components/problem-text';
import { Section } from '../../components/section';
import { ModelDraftText, ModelNumber } from '../../components/model-controls';
import { fieldId, useFieldProblems } from '../../data/fields';
import { StringListEditor } from '../common/string-list-editor';

const METHODS = HTTP_METHODS.filter((m) => m !== 'ANY');
const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function CorsEditor(props: { index: number; config: CorsConfig; onChange: (label: string, change: (c: CorsConfig) => CorsConfig, merge?: string) => void }) {
  const { config, index } = props;
  const base = ['plugins', index, 'cors'];
  const methodProblems = useFieldProblems([...base, 'allowMethods']);
  const wildcardWithCredentials = config.allowCredentials && config.allowOrigins.includes('*');
  return (
    <Stack spacing={2}>
      <Section title="Allowed origins" description="Origins whose pages may call the APIs: * for any, an origin like https://app.example.com, or a wildcard like https://*.example.com.">
        <StringListEditor
          path={[...base, 'allowOrigins']}
          itemLabel="Origin"
          values={config.allowOrigins}
          minItems={1}
          placeholder="https://app.example.com"
          addLabel="Add origin"
          onChange={(allowOrigins, merge) => props.onChange('Edit allowed origins', (c) => ({ ...c, allowOrigins }), merge)}
        />
      </Section>
      <Box id={fieldId([...base, 'allowMethods'])} tabIndex={-1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <FormLabel component="legend">Allowed methods</FormLabel>
        <FormGroup row>
          {METHODS.map((m) => (
            <FormControlLabel
              key={m}
              label={m}
              control={
                <Checkbox
                  checked={config.allowMethods.includes(m)}
                  onChange={(e) =>
                    props.onChange('Change allowed methods', (c) => ({
                      ...c,
                      allowMethods: e.target.checked ? METHODS.filter((x) => x === m || c.allowMethods.includes(x)) : c.allowMethods.filter((x) => x !== m),
                    }))
                  }
                />
              }
            />
          ))}
        </FormGroup>
        <ProblemText messages={methodProblems} />
      </Box>
      <ModelDraftText
        path={[...base, 'allowHeaders']}
        label="Allowed request headers"
        value={config.allowHeaders.join(', ')}
        placeholder="e.g. Content-Type, X-Ca-Key"
        hint="Comma-separated. Headers a browser may send in a cross-origin call. Signed calls need the X-Ca-* headers listed."
        onCommit={(v) => props.onChange('Edit allowed headers', (c) => ({ ...c, allowHeaders: splitList(v) }))}
      />
      <ModelDraftText
        path={[...base, 'exposeHeaders']}
        label="Exposed response headers"
        value={config.exposeHeaders.join(', ')}
        placeholder="e.g. X-Ca-Request-Id"
        hint="Comma-separated. Response headers the page's script may read."
        onCommit={(v) => props.onChange('Edit exposed headers', (c) => ({ ...c, exposeHeaders: splitList(v) }))}
      />
      <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start' }}>
        <FormControlLabel
          id={fieldId([...base, 'allowCredentials'])}
          label="Allow credentials (cookies, HTTP auth)"
          control={<Switch checked={config.allowCredentials} onChange={(e) => props.onChange('Change allow credentials', (c) => ({ ...c, allowCredentials: e.target.checked }))} />}
          sx={{ mt: 0.5 }}
        />
        <ModelNumber integer
          path={[...base, 'maxAge']}
          label="Max age (seconds)"
          value={config.maxAge}
          min={0}
          hint="How long a browser may cache the preflight answer."
          sx={{ maxWidth: 220 }}
          onChange={(v) => v !== undefined && props.onChange('Change max age', (c) => ({ ...c, maxAge: v }), fieldId([...base, 'maxAge']))}
        />
      </Stack>
      {wildcardWithCredentials && (
        <Alert severity="warning">
          Browsers refuse credentialed responses for the origin *. List the origins that send cookies instead of *.
        </Alert>
      )}
    </Stack>
  );
}
