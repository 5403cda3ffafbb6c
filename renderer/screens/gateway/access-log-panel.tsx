/** The Access log tab: the chart, Pause/Resume, Clear, the filters, and the table. */
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteSweepOutlined from '@mui/icons-material/DeleteSweepOutlined';
import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import type { LogEntry, LogFilters } from '../../data/gateway-store';
import { apiLabel, hasLogFilters, LOG_CAPACITY, useGatewayStore } from '../../data/gateway-store';
import { AccessLogTable } from './access-log-table';
import { CallsChart } from './calls-chart';

const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'];

/** The distinct values of one field in the log, sorted, for a filter's choices. */
function distinct(log: readonly LogEntry[], pick: (e: LogEntry) => string | undefined): string[] {
  const values = new Set<string>();
  for (const e of log) {
    const v = pick(e);
    if (v) values.add(v);
  }
  return [...values].sort();
}

function FilterSelect({ name, label, options, width }: { name: keyof LogFilters; label: string; options: { value: string; label: string }[]; width: number }) {
  const value = useGatewayStore((s) => s.filters[name]);
  const setFilter = useGatewayStore((s) => s.setFilter);
  // A chosen value stays choosable even after Clear emptied the log.
  const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  return (
    <TextField select label={label} value={value} onChange={(e) => setFilter(name, e.target.value)} sx={{ width }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
      <MenuItem value="">All</MenuItem>
      {all.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function AccessLogPanel() {
  const log = useGatewayStore((s) => s.log);
  const paused = useGatewayStore((s) => s.paused);
  const pausedAt = useGatewayStore((s) => s.pausedAt);
  const filters = useGatewayStore((s) => s.filters);
  const { pause, resume, clear, clearFilters, setFilter } = useGatewayStore.getState();

  const options = useMemo(() => {
    const statuses = distinct(log, (e) => String(e.status));
    return {
      status: [...STATUS_CLASSES.map((c) => ({ value: c, label: c })), ...statuses.map((s) => ({ value: s, label: s }))],
      api: distinct(log, apiLabel).map((v) => ({ value: v, label: v })),
      app: distinct(log, (e) => e.app).map((v) => ({ value: v, label: v })),
      errorCode: distinct(log, (e) => e.errorCode).map((v) => ({ value: v, label: v })),
    };
  }, [log]);
  const held = paused ? log.filter((e) => e.seq > pausedAt).length : 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 1.5 }}>
      <CallsChart />
      <Stack direction="row" spacing={1.5} role="search" aria-label="Filter the access log" sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <FilterSelect name="status" label="Status" options={options.status} width={110} />
        <FilterSelect name="api" label="API" options={options.api} width={220} />
        <FilterSelect name="app" label="App" options={options.app} width={170} />
        <FilterSelect name="errorCode" label="Error code" options={options.errorCode} width={130} />
        {filters.requestId && <Chip label={`Request ${filters.requestId}`} onDelete={() => setFilter('requestId', '')} aria-label={`Showing request ${filters.requestId}`} />}
        {hasLogFilters(filters) && <Button onClick={clearFilters}>Clear filters</Button>}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" role="status" aria-live="polite" sx={{ color: paused ? 'warning.dark' : 'text.secondary' }}>
          {paused ? `Paused${held > 0 ? `: ${held} newer ${held === 1 ? 'call' : 'calls'} held` : ''}` : `${log.length} ${log.length === 1 ? 'call' : 'calls'} (the last ${LOG_CAPACITY.toLocaleString('en')} are kept)`}
        </Typography>
        {paused ? (
          <Button variant="outlined" startIcon={<PlayArrowIcon />} onClick={resume}>
            Resume
          </Button>
        ) : (
          <Button variant="outlined" startIcon={<PauseIcon />} onClick={pause}>
            Pause
          </Button>
        )}
        <Button startIcon={<DeleteSweepOutlined />} onClick={clear} disabled={log.length === 0}>
          Clear log
        </Button>
      </Stack>
      <AccessLogTable />
    </Box>
  );
}
