/** The call's parts where the API defines them: path parameters, query, headers and body. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { callPath } from '../../../../shared/model/base-path';
import { MultilineTextField } from '../../../components/multiline-text-field';
import { MONO } from '../../../app/theme';
import type { BodyKind, DebugForm } from './debug-form';
import { fillPath, REST_OF_PATH } from './debug-form';
import { useDebugForm } from './debug-form-store';
import { PairsEditor, paramHint, ValueField } from './pairs-editor';

export function FormSection({ title, children, hint }: { title: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ mb: 2.5 }}>
      <Typography variant="h3" component="h3" sx={{ mb: hint ? 0.25 : 1 }}>
        {title}
      </Typography>
      {hint && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 1 }}>
          {hint}
        </Typography>
      )}
      {children}
    </Box>
  );
}

const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'application/octet-stream'];

function BodySection({ form, update }: { form: DebugForm; update: (recipe: (f: DebugForm) => DebugForm) => void }) {
  return (
    <FormSection title="Body">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={form.bodyKind}
        onChange={(_e, kind: BodyKind | null) => kind && update((f) => ({ ...f, bodyKind: kind }))}
        aria-label="Body kind"
        sx={{ mb: 1.5 }}
      >
        <ToggleButton value="none">None</ToggleButton>
        <ToggleButton value="form">Form fields</ToggleButton>
        <ToggleButton value="text">Text</ToggleButton>
      </ToggleButtonGroup>
      {form.bodyKind === 'form' && (
        <PairsEditor noun="Form field" rows={form.formFields} onChange={(formFields) => update((f) => ({ ...f, formFields }))} empty="Sent as application/x-www-form-urlencoded; the fields are signed like query parameters." />
      )}
      {form.bodyKind === 'text' && (
        <>
          <TextField
            label="Content type"
            value={form.contentType}
            onChange={(e) => update((f) => ({ ...f, contentType: e.target.value }))}
            fullWidth
            sx={{ mb: 1.5 }}
            slotProps={{ htmlInput: { list: 'debugger-content-types', style: { fontFamily: MONO, fontSize: '0.82rem' } } }}
          />
          <datalist id="debugger-content-types">
            {CONTENT_TYPES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <MultilineTextField
            label="Body text"
            value={form.text}
            onChange={(e) => update((f) => ({ ...f, text: e.target.value }))}
            minRows={5}
            maxRows={18}
            fullWidth
            slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO, fontSize: '0.82rem' } } }}
          />
        </>
      )}
    </FormSection>
  );
}

/** `basePath`: the group's BasePath, which the call's path starts with (the host puts it in front too). */
export function RequestForm({ form, basePath = '/' }: { form: DebugForm; basePath?: string }) {
  const update = useDebugForm((s) => s.update);
  const setPathParam = (name: string, value: string) => update((f) => ({ ...f, pathParams: f.pathParams.map((p) => (p.name === name ? { ...p, value } : p)) }));
  return (
    <Box>
      <FormSection title="Path" hint={form.pathParams.length > 0 ? 'The parameters fill the path.' : undefined}>
        <Typography aria-label="Path to call" sx={{ fontFamily: MONO, fontSize: '0.85rem', overflowWrap: 'anywhere', mb: form.pathParams.length > 0 ? 1.5 : 0 }}>
          {callPath(basePath, fillPath(form.pathTemplate, form.pathParams))}
        </Typography>
        {form.pathParams.map((p) => (
          <Box key={p.name} sx={{ mb: 1.5 }}>
            <ValueField label={p.name === REST_OF_PATH ? 'Rest of the path' : `Path parameter ${p.name}`} row={p} onChange={(value) => setPathParam(p.name, value)} />
            {p.param && (
              <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mt: 0.25 }}>
                {p.name === REST_OF_PATH ? 'Everything after the last / of the path' : paramHint(p.param)}
              </Typography>
            )}
          </Box>
        ))}
      </FormSection>
      <FormSection title="Query parameters">
        <PairsEditor noun="Query parameter" rows={form.query} onChange={(query) => update((f) => ({ ...f, query }))} empty="The API defines no query parameters." />
      </FormSection>
      <FormSection title="Headers" hint="The debugger adds the X-Ca-* signing headers and X-Ca-Stage itself.">
        <PairsEditor noun="Header" rows={form.headers} onChange={(headers) => update((f) => ({ ...f, headers }))} empty="The API defines no headers." />
      </FormSection>
      <BodySection form={form} update={update} />
    </Box>
  );
}
