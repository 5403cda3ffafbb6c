/** Exactly what goes on the wire: method, URL, every header, the body, and the client's StringToSign. */
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import type { PreparedCall } from '../../../../shared/ipc/contract';
import { MONO } from '../../../app/theme';
import { useCopyText } from '../copy-text';
import { HeadersTable } from './headers-table';
import { linePart, stringToSignLines } from './signature-lines';

function StringToSign({ text }: { text: string }) {
  const lines = stringToSignLines(text);
  return (
    <Box component="ol" aria-label="StringToSign lines" sx={{ m: 0, p: 0, listStyle: 'none', border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: MONO, fontSize: '0.78rem' }}>
      {lines.map((line, i) => (
        <Box component="li" key={i} sx={{ display: 'grid', gridTemplateColumns: '30px 140px 1fr', borderBottom: i < lines.length - 1 ? 1 : 0, borderColor: 'divider' }}>
          <Box sx={{ px: 1, py: 0.4, color: 'text.secondary' }}>{i + 1}</Box>
          <Box sx={{ px: 1, py: 0.4, color: 'text.secondary', fontFamily: 'inherit', fontSize: '0.72rem' }}>{linePart(i, lines.length)}</Box>
          <Box sx={{ px: 1, py: 0.4, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {line === '' ? (
              <Box component="span" sx={{ color: 'text.disabled', fontStyle: 'italic' }}>
                (empty)
              </Box>
            ) : (
              line
            )}
            {i < lines.length - 1 && (
              <Box component="span" aria-hidden sx={{ color: 'text.disabled', ml: 0.5 }}>
                ↵
              </Box>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

export function PreparedView({ prepared }: { prepared?: PreparedCall }) {
  const copy = useCopyText();
  if (!prepared) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', p: 1 }}>
        Preview builds the request as it will be sent — method, URL, every header and the StringToSign — without sending it.
      </Typography>
    );
  }
  return (
    <Box component="section" aria-label="Request as sent">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography aria-label="Request line" sx={{ fontFamily: MONO, fontSize: '0.85rem', overflowWrap: 'anywhere', flex: 1 }}>
          <Box component="strong" sx={{ mr: 1 }}>
            {prepared.method}
          </Box>
          {prepared.url}
        </Typography>
        <Tooltip title="Copy the URL">
          <IconButton aria-label="Copy request URL" onClick={() => void copy('Request URL', prepared.url)}>
            <ContentCopyOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Typography variant="h3" component="h3" sx={{ mb: 0.75 }}>
        Headers
      </Typography>
      <HeadersTable label="Request headers" headers={prepared.headers} />
      {prepared.body !== undefined && prepared.body !== '' && (
        <>
          <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 0.75 }}>
            Body
          </Typography>
          <Box component="pre" aria-label="Request body" sx={{ m: 0, p: 1, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: MONO, fontSize: '0.78rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 240, overflow: 'auto' }}>
            {prepared.body}
          </Box>
        </>
      )}
      {prepared.stringToSign !== undefined && (
        <>
          <Typography variant="h3" component="h3" sx={{ mt: 2, mb: 0.25 }}>
            StringToSign
          </Typography>
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mb: 0.75 }}>
            What the app&apos;s secret signs, line by line (each line ends with a line feed except the last).
          </Typography>
          <StringToSign text={prepared.stringToSign} />
        </>
      )}
    </Box>
  );
}
