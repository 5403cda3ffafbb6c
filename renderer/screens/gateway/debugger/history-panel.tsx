/**
 * The calls sent to this API (newest first) and its saved examples. Each can be loaded into the
 * form or sent again; neither ever holds a secret.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { MONO } from '../../../app/theme';
import type { DebugCall } from '../../../data/debugger';
import { HISTORY_LIMIT, useDebuggerStore } from '../../../data/debugger';
import { VisuallyHidden } from '../../../components/visually-hidden';
import { formatClock, formatLatency, statusColor } from '../log-format';

function describe(request: DebugCall): string {
  const query = (request.query ?? []).map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
  return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}

function authOf(request: DebugCall): string {
  const auth = request.auth;
  if (auth.kind === 'anonymous') return 'anonymous';
  return `${auth.kind === 'appCode' ? 'AppCode' : 'signed'} · ${auth.app}`;
}

export function HistoryPanel({ apiKey, onLoad, onSend, busy }: { apiKey: string; onLoad: (r: DebugCall) => void; onSend: (r: DebugCall) => void; busy: boolean }) {
  const history = useDebuggerStore((s) => s.history[apiKey]) ?? [];
  const examples = useDebuggerStore((s) => s.examples[apiKey]) ?? [];
  const { clearHistory, deleteExample } = useDebuggerStore.getState();
  return (
    <Box>
      <Box component="section" aria-label="Saved examples" sx={{ mb: 3 }}>
        <Typography variant="h3" component="h3" sx={{ mb: 0.75 }}>
          Saved examples
        </Typography>
        {examples.length === 0 ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            None yet. &ldquo;Save as example&rdquo; keeps the form under a name, in this browser, without any secret.
          </Typography>
        ) : (
          <Table aria-label="Saved examples" sx={{ tableLayout: 'fixed', '& td, & th': { py: 0.5, px: 1 } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '30%', fontWeight: 600 }}>Name</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>Request</TableCell>
                <TableCell sx={{ width: 170 }}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {examples.map((e) => (
                <TableRow key={e.name}>
                  <TableCell sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{e.name}</TableCell>
                  <TableCell sx={{ fontFamily: MONO, fontSize: '0.76rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={describe(e.request)}>
                    {describe(e.request)}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
                    <Button onClick={() => onLoad(e.request)} aria-label={`Load example ${e.name}`}>
                      Load
                    </Button>
                    <Button onClick={() => onSend(e.request)} disabled={busy} aria-label={`Send example ${e.name}`}>
                      Send
                    </Button>
                    <Tooltip title="Delete">
                      <IconButton aria-label={`Delete example ${e.name}`} onClick={() => deleteExample(apiKey, e.name)}>
                        <DeleteOutlineIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box component="section" aria-label="Sent calls">
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 0.75 }}>
          <Typography variant="h3" component="h3" sx={{ flex: 1 }}>
            Sent calls
          </Typography>
          {history.length > 0 && <Button onClick={() => clearHistory(apiKey)}>Clear history</Button>}
        </Box>
        {history.length === 0 ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Calls sent to this API appear here (the last {HISTORY_LIMIT}), without secrets.
          </Typography>
        ) : (
          <Table aria-label="Sent calls" sx={{ tableLayout: 'fixed', '& td, & th': { py: 0.5, px: 1 } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 74, fontWeight: 600 }}>Time</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>Request</TableCell>
                <TableCell sx={{ width: 58, fontWeight: 600 }}>Status</TableCell>
                <TableCell sx={{ width: 70, fontWeight: 600 }}>Took</TableCell>
                <TableCell sx={{ width: 150 }}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {history.map((h) => (
                <TableRow key={h.id}>
                  <TableCell sx={{ fontFamily: MONO, fontSize: '0.76rem', color: 'text.secondary' }}>{formatClock(h.at)}</TableCell>
                  <TableCell sx={{ overflow: 'hidden' }}>
                    <Box sx={{ fontFamily: MONO, fontSize: '0.76rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={describe(h.request)}>
                      {describe(h.request)}
                    </Box>
                    <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                      {h.request.stage} · {authOf(h.request)}
                      {h.secretOverridden ? ' · secret override (not kept)' : ''}
                      {h.failure ? ` · ${h.failure}` : ''}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ fontFamily: MONO, fontWeight: 700, color: h.status ? statusColor(h.status) : 'error.main' }}>{h.status ?? '—'}</TableCell>
                  <TableCell sx={{ fontSize: '0.76rem', color: 'text.secondary' }}>{formatLatency(h.timeMs)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
                    <Button onClick={() => onLoad(h.request)} aria-label={`Load the call sent at ${formatClock(h.at)}`}>
                      Load
                    </Button>
                    <Button onClick={() => onSend(h.request)} disabled={busy} aria-label={`Re-send the call sent at ${formatClock(h.at)}`}>
                      Re-send
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
}
