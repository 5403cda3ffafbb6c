/**
 * Start and stop the embedded gateway, its port and default stage, and what it is doing: the
 * address it listens on, a crash and the supervisor's restart, the last reload of the project.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { STAGES } from '../../../shared/model/schema';
import type { Stage } from '../../../shared/model/schema';
import type { GatewayStatus } from '../../../shared/ipc/contract';
import { MONO } from '../../app/theme';
import { statusLine, useGatewayStore } from '../../data/gateway-store';
import { savedWithProblems } from '../../data/save-outcome';
import { useCopyText } from './copy-text';
import { formatClock } from './log-format';

type Tone = 'success' | 'warning' | 'error' | 'neutral' | 'info';

function toneOf(state: GatewayStatus['state'] | undefined): Tone {
  switch (state) {
    case 'listening':
      return 'success';
    case 'crashed':
      return 'error';
    case 'restarting':
      return 'warning';
    case 'starting':
      return 'info';
    default:
      return 'neutral';
  }
}

/** Port text: an integer 0..65535 (0 = any free port). */
export function portProblem(text: string): string | undefined {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) > 65535) return 'A port from 0 to 65535 (0 = any free port).';
  return undefined;
}

function StatusDot({ tone }: { tone: Tone }) {
  const color = tone === 'neutral' ? 'text.disabled' : `${tone}.main`;
  return <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: color, flexShrink: 0, boxShadow: tone === 'success' ? (t) => `0 0 0 3px ${t.palette.success.main}33` : undefined }} />;
}

function LastReload({ status }: { status: GatewayStatus }) {
  const reload = status.lastReload;
  if (!reload) return null;
  if (reload.ok) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Project reloaded at {formatClock(reload.at)}; the gateway serves the saved version.
      </Typography>
    );
  }
  return (
    <Alert severity="warning" sx={{ mt: 1 }} role="alert" aria-label="Reload refused">
      {savedWithProblems(reload.problems.length)} It refused the version saved at {formatClock(reload.at)}; fix these problems and save again:
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
        {reload.problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </Box>
    </Alert>
  );
}

export function GatewayControls() {
  const status = useGatewayStore((s) => s.status);
  const busy = useGatewayStore((s) => s.busy);
  const error = useGatewayStore((s) => s.error);
  const start = useGatewayStore((s) => s.start);
  const stop = useGatewayStore((s) => s.stop);
  const copy = useCopyText();
  const [port, setPort] = useState('0');
  const [stage, setStage] = useState<Stage>('RELEASE');

  // The fields follow the gateway's own settings whenever it reports them.
  useEffect(() => {
    if (status?.defaultStage) setStage(status.defaultStage);
  }, [status?.defaultStage]);
  // The port it listens on, not the 0 ("any free port") it was started with: a restart keeps the address.
  useEffect(() => {
    if (status?.port) setPort(String(status.port));
  }, [status?.port]);

  const state = status?.state;
  const running = state !== undefined && state !== 'stopped';
  const problem = portProblem(port);
  const tone = toneOf(state);
  const line = statusLine(status);
  const url = state === 'listening' ? status?.url : undefined;

  return (
    <Paper variant="outlined" component="section" aria-label="Gateway controls" sx={{ mx: 3, mb: 1.5, px: 2, py: 1.5 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1.5 }}>
        <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', flex: '1 1 360px', minWidth: 0 }}>
          {state === 'starting' || state === 'restarting' ? <CircularProgress size={14} aria-hidden /> : <StatusDot tone={tone} />}
          <Typography
            role="status"
            aria-label="Gateway status"
            aria-live="polite"
            sx={{ fontWeight: 600, fontFamily: url ? MONO : undefined, fontSize: url ? '0.9rem' : '0.95rem', color: tone === 'error' ? 'error.main' : tone === 'warning' ? 'warning.main' : 'text.primary', overflowWrap: 'anywhere' }}
          >
            {line}
          </Typography>
          {url && (
            <Tooltip title="Copy the gateway's address">
              <IconButton aria-label="Copy gateway URL" onClick={() => void copy('Gateway URL', url)}>
                <ContentCopyOutlined fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
          {status && status.restarts > 0 && (
            <Typography variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
              {status.restarts} {status.restarts === 1 ? 'restart' : 'restarts'} since started
            </Typography>
          )}
        </Stack>
        <TextField
          label="Port"
          value={port}
          onChange={(e) => setPort(e.target.value)}
          disabled={running}
          title={running ? 'Stop the gateway to change its port.' : undefined}
          error={problem !== undefined}
          slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-describedby': running ? undefined : 'gateway-port-hint' } }}
          sx={{ width: 110 }}
        />
        <TextField select label="Default stage" value={stage} onChange={(e) => setStage(e.target.value as Stage)} disabled={running} title={running ? 'Stop the gateway to change its default stage.' : undefined} sx={{ width: 140 }}>
          {STAGES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        {running ? (
          <Button variant="outlined" color="error" startIcon={<StopIcon />} disabled={busy !== undefined} onClick={() => void stop()}>
            Stop gateway
          </Button>
        ) : (
          <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={busy !== undefined || problem !== undefined || !status} onClick={() => void start({ port: Number(port), defaultStage: stage })}>
            Start gateway
          </Button>
        )}
      </Stack>
      {(problem || !running) && (
        <Typography id="gateway-port-hint" variant="caption" sx={{ display: 'block', color: problem ? 'error.main' : 'text.secondary', mt: 0.75 }}>
          {problem ?? 'Port 0 takes any free port. The gateway binds 127.0.0.1 only and reloads the project each time you save.'}
        </Typography>
      )}
      {(state === 'crashed' || state === 'restarting') && status?.message && (
        <Alert severity={state === 'crashed' ? 'error' : 'warning'} sx={{ mt: 1 }} aria-label="Supervisor message">
          {status.message}
        </Alert>
      )}
      {state === 'stopped' && status?.message && (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5 }}>
          {status.message}
        </Typography>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {status && <LastReload status={status} />}
    </Paper>
  );
}
