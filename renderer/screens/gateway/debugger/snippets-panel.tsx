/**
 * The same call as curl, Node, Python and Java code, from the host. The secret is a placeholder
 * unless the person switches "Include secret" on (off each time the debugger opens).
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import type { CallSnippets } from '../../../../shared/ipc/contract';
import type { DebugCall } from '../../../data/debugger';
import { MONO } from '../../../app/theme';
import { debugSnippets } from '../../../data/debugger';
import { useCopyText } from '../copy-text';

const LANGUAGES: { id: keyof CallSnippets; label: string }[] = [
  { id: 'curl', label: 'curl' },
  { id: 'node', label: 'Node' },
  { id: 'python', label: 'Python' },
  { id: 'java', label: 'Java' },
];

/** Waits this long after the last change of the form before asking for new snippets. */
const DEBOUNCE_MS = 400;

export function SnippetsPanel({ request }: { request: DebugCall }) {
  const [language, setLanguage] = useState<keyof CallSnippets>('curl');
  const [includeSecret, setIncludeSecret] = useState(false);
  const [snippets, setSnippets] = useState<CallSnippets>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const copy = useCopyText();
  const key = JSON.stringify(request);

  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      debugSnippets(JSON.parse(key) as DebugCall, includeSecret)
        .then((s) => {
          if (!current) return;
          setSnippets(s);
          setError(undefined);
        })
        .catch((e: Error) => current && setError(`Could not build the snippets: ${e.message}`))
        .finally(() => current && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, includeSecret]);

  const label = LANGUAGES.find((l) => l.id === language)!.label;
  return (
    <Box component="section" aria-label="Code snippets">
      <Stack direction="row" sx={{ alignItems: 'center', borderBottom: 1, borderColor: 'divider', mb: 1.5 }}>
        <Tabs value={language} onChange={(_e, v: keyof CallSnippets) => setLanguage(v)} aria-label="Snippet language" sx={{ flex: 1 }}>
          {LANGUAGES.map((l) => (
            <Tab key={l.id} value={l.id} label={l.label} />
          ))}
        </Tabs>
        <FormControlLabel control={<Switch checked={includeSecret} onChange={(e) => setIncludeSecret(e.target.checked)} />} label="Include secret" />
        <Button startIcon={<ContentCopyOutlined />} disabled={!snippets} onClick={() => snippets && void copy(`${label} snippet`, snippets[language])} aria-label={`Copy ${label} snippet`}>
          Copy
        </Button>
      </Stack>
      {includeSecret && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          The snippet holds the app&apos;s secret. Do not paste it into a chat, a ticket or a repository.
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          {error}
        </Alert>
      )}
      <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label="Building the snippets" />}</Box>
      <Box component="pre" aria-label={`${label} snippet`} sx={{ m: 0, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'action.hover', fontFamily: MONO, fontSize: '0.78rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minHeight: 120 }}>
        {snippets?.[language] ?? ''}
      </Box>
    </Box>
  );
}
