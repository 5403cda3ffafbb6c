/**
 * The client's and the server's StringToSign side by side, line by line: differing lines are
 * highlighted and their differing characters marked, and the likely cause is said first.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { SignatureComparison } from '../../../../shared/ipc/contract';
import { MONO } from '../../../app/theme';
import { VisuallyHidden } from '../../../components/visually-hidden';
import { linePart, markSegments } from './signature-lines';

const COLUMNS = '34px 130px minmax(0, 1fr) minmax(0, 1fr)';

function LineText({ text, ranges }: { text: string | undefined; ranges: [number, number][] }) {
  if (text === undefined) {
    return (
      <Box component="span" sx={{ color: 'text.disabled', fontStyle: 'italic', fontFamily: 'inherit' }}>
        (no such line)
      </Box>
    );
  }
  if (text === '') {
    return (
      <Box component="span" sx={{ color: 'text.disabled', fontStyle: 'italic' }}>
        (empty)
      </Box>
    );
  }
  return (
    <>
      {markSegments(text, ranges).map((s, i) =>
        s.marked ? (
          <Box key={i} component="mark" sx={(t) => ({ bgcolor: alpha(t.palette.error.main, 0.35), color: 'inherit', borderBottom: `2px solid ${t.palette.error.main}`, borderRadius: 0.25, whiteSpace: 'pre-wrap' })}>
            {s.text}
          </Box>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

export function SignatureCompare({ comparison }: { comparison: SignatureComparison }) {
  const total = comparison.lines.length;
  const differing = comparison.lines.filter((l) => !l.same).length;
  return (
    <Box component="section" aria-label="Signature comparison" sx={{ mb: 2 }}>
      <Alert severity="error" sx={{ mb: 1.5, '& .MuiAlert-message': { width: '100%' } }}>
        <AlertTitle sx={{ fontWeight: 700 }}>The gateway refused the signature</AlertTitle>
        <Typography aria-label="Likely cause" sx={{ fontWeight: 600, fontSize: '0.95rem' }}>
          {comparison.likelyCause}
        </Typography>
      </Alert>
      <Typography variant="body2" sx={{ mb: 1, color: comparison.identical ? 'text.primary' : 'error.main', fontWeight: 500 }}>
        {comparison.identical
          ? 'The client and the server built identical StringToSign texts, so the strings are not the problem.'
          : `${differing} of ${total} ${total === 1 ? 'line differs' : 'lines differ'} between the client and the server.`}
      </Typography>
      <Box role="table" aria-label="StringToSign, client and server" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden', fontSize: '0.8rem' }}>
        <Box role="row" sx={{ display: 'grid', gridTemplateColumns: COLUMNS, bgcolor: 'action.hover', borderBottom: 1, borderColor: 'divider' }}>
          {['#', 'Part', 'Client (signed by the debugger)', 'Server (computed by the gateway)'].map((h) => (
            <Box key={h} role="columnheader" sx={{ px: 1, py: 0.5, fontSize: '0.72rem', fontWeight: 600, color: 'text.secondary', textTransform: 'uppercase', letterSpacing: 0.3 }}>
              {h}
            </Box>
          ))}
        </Box>
        {comparison.lines.map((line, i) => (
          <Box
            key={i}
            role="row"
            data-differs={!line.same || undefined}
            sx={(t) => ({
              display: 'grid',
              gridTemplateColumns: COLUMNS,
              borderBottom: i < total - 1 ? 1 : 0,
              borderColor: 'divider',
              ...(line.same ? {} : { bgcolor: alpha(t.palette.error.main, 0.08), boxShadow: `inset 3px 0 0 ${t.palette.error.main}` }),
            })}
          >
            <Box role="cell" sx={{ px: 1, py: 0.5, color: 'text.secondary', fontFamily: MONO, fontSize: '0.75rem' }}>
              {i + 1}
              {!line.same && <VisuallyHidden> (differs)</VisuallyHidden>}
            </Box>
            <Box role="cell" sx={{ px: 1, py: 0.5, color: line.same ? 'text.secondary' : 'error.main', fontWeight: line.same ? 400 : 600 }}>
              {linePart(i, total)}
            </Box>
            {[
              [line.client, line.clientRanges],
              [line.server, line.serverRanges],
            ].map(([text, ranges], side) => (
              <Box key={side} role="cell" sx={{ px: 1, py: 0.5, fontFamily: MONO, fontSize: '0.78rem', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderLeft: 1, borderColor: 'divider' }}>
                <LineText text={text as string | undefined} ranges={ranges as [number, number][]} />
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
