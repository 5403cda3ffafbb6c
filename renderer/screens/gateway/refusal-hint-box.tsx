/** What a refusal means and what to do (refusal-hint.ts), under the call in the log's detail and the debugger's answer. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import { MONO } from '../../app/theme';
import { useCopyText } from './copy-text';
import { refusalHint, type RefusalFacts } from './refusal-hint';

/** Backticks in a hint mark code. */
function withCode(text: string) {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <Box component="code" key={i} sx={{ fontFamily: MONO, fontSize: '0.78rem' }}>
        {part}
      </Box>
    ) : (
      part
    ),
  );
}

export function RefusalHintBox({ facts }: { facts: RefusalFacts }) {
  const copy = useCopyText();
  const hint = refusalHint(facts);
  if (!hint) return null;
  return (
    <Alert severity="info" aria-label="What this answer means" sx={{ my: 1.5, '& .MuiAlert-message': { minWidth: 0 } }}>
      <Box>{withCode(hint.meaning)}</Box>
      <Box sx={{ mt: 0.5 }}>{withCode(hint.action)}</Box>
      {hint.command && (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mt: 0.75 }}>
          <Box component="code" aria-label="Command to start a backend" sx={{ fontFamily: MONO, fontSize: '0.78rem', overflowWrap: 'anywhere' }}>
            {hint.command}
          </Box>
          <Tooltip title="Copy the command">
            <IconButton aria-label="Copy the command" onClick={() => void copy('Command', hint.command!)} sx={{ p: 0.25 }}>
              <ContentCopyOutlined sx={{ fontSize: 14 }} />
            </IconButton>
          </Tooltip>
        </Stack>
      )}
    </Alert>
  );
}
