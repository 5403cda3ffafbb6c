/**
 * The OpenAPI call log: every run against the cloud (a sync, a plan, a pull, a gateway purchase,
 * a CLI command on this computer) and how it ended; a run opens to its calls, one row per
 * request, and a call opens to the parameters that were sent, with credentials masked.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight';
import type { CloudCallView, CloudRunDetail, CloudRunView } from '../../../shared/ipc/cloud-views';
import { EmptyState } from '../../components/empty-state';
import { formatDateTime } from '../../components/date-format';
import { DateTime } from '../../components/date-time';
import { useCloudStore } from '../../data/cloud-store';
import { toHostError } from '../../data/host-error';

const STATE_COLORS = { done: 'success', failed: 'error', cancelled: 'warning', running: 'info' } as const;
const MONO = { fontFamily: 'monospace', fontSize: 12 } as const;

export function HistoryTab() {
  const runs = useCloudStore((s) => s.runs);
  const loadLog = useCloudStore((s) => s.loadLog);
  useEffect(() => {
    void loadLog();
  }, [loadLog]);
  if (runs.length === 0) {
    return <EmptyState title="No calls to the cloud yet">Plans, applies, deploys, pulls and gateway purchases are listed here with every OpenAPI call they made.</EmptyState>;
  }
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Every OpenAPI call of the last 200 runs, from this console and from apigw-studio on this computer. Credentials are never kept: the AccessKeyId is masked, AppSecrets and AppCodes show as ****.
        </Typography>
        <Button variant="outlined" size="small" onClick={() => void loadLog()} sx={{ flexShrink: 0 }}>
          Refresh
        </Button>
      </Stack>
      <Paper variant="outlined">
        <Table size="small" aria-label="Cloud runs">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 36, pr: 0 }} />
              <TableCell>When</TableCell>
              <TableCell>What</TableCell>
              <TableCell>Cloud</TableCell>
              <TableCell>Calls</TableCell>
              <TableCell>Result</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {runs.map((run) => (
              <RunRow key={run.id} run={run} />
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}

function RunRow({ run }: { run: CloudRunView }) {
  const runCalls = useCloudStore((s) => s.runCalls);
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<CloudRunDetail>();
  const [error, setError] = useState<string>();
  const toggle = () => {
    const next = !open;
    setOpen(next);
    // Read when opened (a running run has more calls each time).
    if (next) {
      setError(undefined);
      runCalls(run.id).then(setDetail, (failure: unknown) => setError(toHostError(failure).message));
    }
  };
  const name = `${run.title} at ${formatDateTime(run.startedAt)}`;
  return (
    <>
      <TableRow hover aria-label={name} sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}>
        <TableCell sx={{ pr: 0 }}>
          <IconButton size="small" aria-label={open ? `Hide the calls of ${name}` : `Show the calls of ${name}`} aria-expanded={open} onClick={toggle}>
            {open ? <KeyboardArrowDown fontSize="small" /> : <KeyboardArrowRight fontSize="small" />}
          </IconButton>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          <DateTime iso={run.startedAt} />
        </TableCell>
        <TableCell sx={{ minWidth: 180 }}>
          {run.title}
          {run.source === 'cli' && <Chip size="small" variant="outlined" label="CLI" sx={{ ml: 1 }} />}
          {run.project && (
            <Typography variant="caption" component="div" title={run.project} sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
              {fileName(run.project)}
            </Typography>
          )}
        </TableCell>
        <TableCell sx={{ ...MONO, whiteSpace: 'nowrap' }}>{run.profileKey ?? '—'}</TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          {run.callCount} call{run.callCount === 1 ? '' : 's'}
          {run.failedCalls > 0 && (
            <Typography variant="caption" component="div" sx={{ color: 'error.main' }}>
              {run.failedCalls} refused or lost
            </Typography>
          )}
        </TableCell>
        <TableCell>
          <Chip size="small" label={run.state} color={STATE_COLORS[run.state]} />
          {run.steps && (
            <Typography variant="caption" component="span" sx={{ ml: 1, color: 'text.secondary' }}>
              {run.steps.done} of {run.steps.total} steps
            </Typography>
          )}
          {run.failure && (
            <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
              {run.failure.code}: {run.failure.message}
              {run.failure.requestId && ` (request ${run.failure.requestId})`}
            </Typography>
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={6} sx={{ pt: 0 }}>
            <Box sx={{ ml: { xs: 0, md: 5 } }}>
              {error && <Alert severity="error">Could not read the calls: {error}</Alert>}
              {detail && <CallTable detail={detail} name={name} />}
            </Box>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function CallTable({ detail, name }: { detail: CloudRunDetail; name: string }) {
  const [shown, setShown] = useState<{ call: CloudCallView; index: number }>();
  const omitted = detail.run.omittedCalls;
  // The calls kept are the run's first ones and its latest ones: a note marks where the middle was left out.
  const gapAfter = detail.omittedAfter === undefined ? -1 : detail.omittedAfter - 1;
  return (
    <>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={`Calls of ${name}`}>
          <TableHead>
            <TableRow>
              <TableCell>Action</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Code</TableCell>
              <TableCell>Request id</TableCell>
              <TableCell align="right">Duration</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.calls.map((call, index) => (
              <CallRow key={`${call.at}-${index}`} call={call} index={index} onOpen={() => setShown({ call, index })} note={index === gapAfter ? `${omitted} calls in between are not kept` : undefined} />
            ))}
          </TableBody>
        </Table>
      </Box>
      {shown && <ParamsDialog call={shown.call} index={shown.index} onClose={() => setShown(undefined)} />}
    </>
  );
}

function CallRow({ call, index, onOpen, note }: { call: CloudCallView; index: number; onOpen: () => void; note?: string }) {
  const failed = call.code !== undefined;
  return (
    <>
      <TableRow hover aria-label={`Call ${index + 1}: ${call.action}`}>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          <Link component="button" variant="body2" onClick={onOpen} aria-label={`Show the parameters of call ${index + 1}, ${call.action}`} sx={{ fontFamily: 'monospace', textAlign: 'left' }}>
            {call.action}
          </Link>
          {call.product !== 'CloudAPI' && (
            <Typography variant="caption" component="span" sx={{ ml: 0.75, color: 'text.secondary' }}>
              {call.product}
            </Typography>
          )}
          {call.attempt > 1 && (
            <Typography variant="caption" component="span" sx={{ ml: 0.75, color: 'text.secondary' }}>
              attempt {call.attempt}
            </Typography>
          )}
        </TableCell>
        <TableCell sx={{ ...MONO, color: failed ? 'error.main' : undefined }}>{call.status ?? 'no answer'}</TableCell>
        <TableCell sx={{ ...MONO, color: failed ? 'error.main' : 'text.secondary' }}>{call.code ?? '—'}</TableCell>
        <TableCell sx={{ ...MONO, wordBreak: 'break-all' }}>{call.requestId ?? '—'}</TableCell>
        <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
          {call.durationMs} ms
        </TableCell>
      </TableRow>
      {note && (
        <TableRow>
          <TableCell colSpan={5} sx={{ color: 'text.secondary', fontStyle: 'italic' }}>
            {note}
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

function ParamsDialog({ call, index, onClose }: { call: CloudCallView; index: number; onClose: () => void }) {
  const title = `Parameters of ${call.product} ${call.action}`;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="call-params-title">
      <DialogTitle id="call-params-title">{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
          Call {index + 1}, sent <DateTime iso={call.at} />: {call.status ? `HTTP ${call.status}` : 'no answer'}
          {call.code ? `, ${call.code}` : ''}
          {call.requestId ? `, request ${call.requestId}` : ''}. The signature and the AccessKeySecret are never kept; credentials show as ****.
        </Typography>
        <Table size="small" aria-label="Parameters">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '30%' }}>Name</TableCell>
              <TableCell>Value</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {Object.entries(call.params).map(([param, value]) => (
              <TableRow key={param} aria-label={param}>
                <TableCell sx={{ ...MONO, verticalAlign: 'top' }}>{param}</TableCell>
                <TableCell sx={{ ...MONO, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

/** The project file's name; the whole path is its tooltip. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
