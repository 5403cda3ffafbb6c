/**
 * YAML: the API as the project file writes it, editable. Valid text that parses as an API is
 * applied as one edit when the editor loses focus or after a pause in typing; invalid text shows
 * why and changes nothing, and the form keeps its state.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Api } from '../../../../shared/model/schema';
import { CodeEditor } from '../../../components/code-editor';
import { useProjectStore } from '../../../data/project-store';
import { useUiStore } from '../../../data/ui-store';
import { renameApi, sameApi, updateApi } from '../api-edits';
import { apiToYaml, parseApiYaml, sameApiDefinition } from '../api-yaml';
import type { TabProps } from './tab-props';

const APPLY_AFTER_MS = 800;

/**
 * Text that did not apply (invalid), kept per API while the person looks at another tab, with the
 * form's YAML it was based on: it comes back only if the API did not change meanwhile.
 */
const drafts = new Map<string, { text: string; base: string }>();

export function YamlTab({ api }: TabProps) {
  const edit = useProjectStore((s) => s.edit);
  const taken = useProjectStore((s) => s.working?.apis);
  const select = useUiStore((s) => s.select);
  const formYaml = useMemo(() => apiToYaml(api), [api]);
  const draftKey = `${api.group}\u0000${api.name}`;
  const [text, setText] = useState(() => {
    const draft = drafts.get(draftKey);
    return draft && draft.base === formYaml ? draft.text : formYaml;
  });
  const [error, setError] = useState<string | undefined>(() => {
    const parsed = text === formYaml ? undefined : parseApiYaml(text);
    return parsed && !parsed.ok ? parsed.error : undefined;
  });
  // Whether the text stands for the form's API (then form edits and undo replace it), and the
  // YAML of our own last edit (which must not replace the text as the person typed it).
  const inSync = useRef(text === formYaml);
  const applied = useRef<string>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (formYaml === applied.current) {
      applied.current = undefined;
      return;
    }
    if (inSync.current) setText(formYaml);
  }, [formYaml]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Keep text that did not apply for when the tab is shown again.
  const latest = useRef({ text, formYaml });
  latest.current = { text, formYaml };
  useEffect(
    () => () => {
      const { text: last, formYaml: base } = latest.current;
      if (last !== base) drafts.set(draftKey, { text: last, base });
      else drafts.delete(draftKey);
    },
    [draftKey],
  );

  const apply = (value: string) => {
    clearTimeout(timer.current);
    if (value === formYaml) {
      inSync.current = true;
      setError(undefined);
      return;
    }
    const parsed = parseApiYaml(value);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const next: Api = parsed.api;
    const clash = (next.group !== api.group || next.name !== api.name) && taken?.some((a) => a !== api && sameApi(a, { group: next.group, api: next.name }));
    if (clash) {
      setError(`Group ${next.group} already has an API named ${next.name}. Choose another name.`);
      return;
    }
    setError(undefined);
    inSync.current = true;
    if (sameApiDefinition(next, api)) return;
    const ref = { group: api.group, api: api.name };
    const to = { group: next.group, api: next.name };
    applied.current = apiToYaml(next);
    edit(`Edit API ${api.name} as YAML`, (p) => updateApi(renameApi(p, ref, to), to, () => next));
    if (to.group !== ref.group || to.api !== ref.api) select({ kind: 'api', ...to });
  };

  const onChange = (value: string) => {
    setText(value);
    inSync.current = false;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(value), APPLY_AFTER_MS);
  };

  const outOfSync = text !== formYaml && error !== undefined;
  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        This API as it is written in the project file. Changes here apply when you pause typing or leave the editor; each one is a single undo step.
      </Typography>
      {error && (
        <Alert
          severity="error"
          role="alert"
          action={
            outOfSync ? (
              <Button color="inherit" onClick={() => { inSync.current = true; setText(formYaml); setError(undefined); }}>
                Revert to the form
              </Button>
            ) : undefined
          }
        >
          {error} Nothing was applied; the form keeps the last valid version.
        </Alert>
      )}
      <CodeEditor language="yaml" value={text} onChange={onChange} onBlur={() => apply(text)} ariaLabel={`YAML of API ${api.name}`} height="calc(100vh - 330px)" />
    </Stack>
  );
}
