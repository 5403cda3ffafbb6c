/**
 * The live access log: a virtualized table, newest call at the bottom. It follows new calls while
 * the view is at the bottom and stays put once the person scrolls up. Throttled calls (T429*) are
 * highlighted. A row opens the whole record.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { MONO } from '../../app/theme';
import type { LogEntry } from '../../data/gateway-store';
import { apiLabel, hasLogFilters, isThrottled, useGatewayStore, visibleEntries } from '../../data/gateway-store';
import { formatLatency, formatLogTime, statusColor } from './log-format';
import { LogRecordPanel } from './log-record-panel';

const ROW_HEIGHT = 30;
export const LOG_COLUMNS = '108px 80px minmax(140px, 2fr) minmax(140px, 1.6fr) 82px minmax(100px, 1fr) 76px 112px 90px';
const HEADERS = ['Time', 'Method', 'Path', 'API', 'Stage', 'App', 'Status', 'Error code', 'Latency'];

const cellSx = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', px: 1 } as const;

const LogRow = memo(function LogRow({ entry, rowIndex, start, onOpen }: { entry: LogEntry; rowIndex: number; start: number; onOpen: (e: LogEntry) => void }) {
  const throttled = isThrottled(entry);
  const api = apiLabel(entry);
  return (
    <Box
      role="row"
      aria-rowindex={rowIndex + 2}
      tabIndex={0}
      data-throttled={throttled || undefined}
      onClick={() => onOpen(entry)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen(entry);
        }
      }}
      sx={(theme) => ({
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
        display: 'grid',
        gridTemplateColumns: LOG_COLUMNS,
        alignItems: 'center',
        borderBottom: 1,
        borderColor: 'divider',
        cursor: 'pointer',
        fontSize: '0.8rem',
        ...(throttled ? { bgcolor: alpha(theme.palette.warning.main, 0.12), boxShadow: `inset 3px 0 0 ${theme.palette.warning.main}` } : {}),
        '&:hover': { bgcolor: throttled ? alpha(theme.palette.warning.main, 0.2) : 'action.hover' },
        '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
      })}
    >
      <Box role="cell" sx={{ ...cellSx, fontFamily: MONO, fontSize: '0.75rem', color: 'text.secondary' }}>
        {formatLogTime(entry.time)}
      </Box>
      <Box role="cell" sx={{ ...cellSx, fontFamily: MONO, fontSize: '0.74rem', fontWeight: 700 }}>
        {entry.method}
      </Box>
      <Box role="cell" sx={{ ...cellSx, fontFamily: MONO, fontSize: '0.76rem' }} title={entry.path}>
        {entry.path}
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: api ? 'text.primary' : 'text.disabled' }} title={api || undefined}>
        {api || '—'}
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: 'text.secondary' }}>
        {entry.stage ?? '—'}
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: entry.app ? 'text.primary' : 'text.disabled' }} title={entry.app}>
        {entry.app ?? '—'}
      </Box>
      <Box role="cell" sx={{ ...cellSx, fontFamily: MONO, fontWeight: 700, color: statusColor(entry.status) }}>
        {entry.status}
      </Box>
      <Box role="cell" sx={{ ...cellSx, fontFamily: MONO, fontSize: '0.75rem', color: throttled ? 'warning.dark' : entry.errorCode ? 'error.main' : 'text.disabled', fontWeight: entry.errorCode ? 600 : 400 }}>
        {entry.errorCode ?? '—'}
      </Box>
      <Box role="cell" sx={{ ...cellSx, textAlign: 'right', color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
        {formatLatency(entry.latencyMs)}
      </Box>
    </Box>
  );
});

export function AccessLogTable() {
  const log = useGatewayStore((s) => s.log);
  const filters = useGatewayStore((s) => s.filters);
  const paused = useGatewayStore((s) => s.paused);
  const pausedAt = useGatewayStore((s) => s.pausedAt);
  const clearFilters = useGatewayStore((s) => s.clearFilters);
  const entries = useMemo(() => visibleEntries(log, filters, paused, pausedAt), [log, filters, paused, pausedAt]);
  const [open, setOpen] = useState<LogEntry>();

  const scrollRef = useRef<HTMLDivElement>(null);
  // Follows new calls until the person scrolls away from the bottom.
  const following = useRef(true);
  const [behind, setBehind] = useState(false);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 16 });

  useLayoutEffect(() => {
    if (following.current && entries.length > 0) virtualizer.scrollToIndex(entries.length - 1, { align: 'end' });
    else if (!following.current) setBehind(true);
  }, [entries.length, virtualizer]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onScroll = () => {
      const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT / 2;
      following.current = atBottom;
      if (atBottom) setBehind(false);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    // A banner above (a crash, a reload problem) shrinks the table: keep the newest call in view.
    const resize = new ResizeObserver(() => {
      if (following.current) element.scrollTop = element.scrollHeight;
    });
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, []);

  const jumpToNewest = () => {
    following.current = true;
    setBehind(false);
    virtualizer.scrollToIndex(entries.length - 1, { align: 'end' });
  };

  return (
    <Box sx={{ position: 'relative', display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box role="table" aria-label="Access log" aria-rowcount={entries.length + 1} sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
        <Box role="rowgroup">
          <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: LOG_COLUMNS, borderBottom: 1, borderColor: 'divider', py: 0.75, pr: '8px' }}>
            {HEADERS.map((h) => (
              <Box key={h} role="columnheader" sx={{ ...cellSx, fontSize: '0.72rem', fontWeight: 600, color: 'text.secondary', textTransform: 'uppercase', letterSpacing: 0.4, textAlign: h === 'Latency' ? 'right' : undefined }}>
                {h}
              </Box>
            ))}
          </Box>
        </Box>
        <Box ref={scrollRef} role="rowgroup" sx={{ flex: 1, minHeight: 120, overflowY: 'auto', overflowX: 'hidden', scrollbarGutter: 'stable' }}>
          {entries.length === 0 ? (
            <Typography variant="body2" role="status" sx={{ p: 3, textAlign: 'center', color: 'text.secondary' }}>
              {log.length > 0 && hasLogFilters(filters) ? (
                <>
                  No call matches these filters.{' '}
                  <Button size="small" onClick={clearFilters}>
                    Clear filters
                  </Button>
                </>
              ) : (
                'No calls yet. Calls through the local gateway show up here as they happen: send one from the Debugger tab, or with curl to the address above.'
              )}
            </Typography>
          ) : (
            <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const entry = entries[item.index];
                return <LogRow key={entry.seq} entry={entry} rowIndex={item.index} start={item.start} onOpen={setOpen} />;
              })}
            </Box>
          )}
        </Box>
      </Box>
      {behind && entries.length > 0 && (
        <Button variant="contained" size="small" startIcon={<ArrowDownwardIcon />} onClick={jumpToNewest} sx={{ position: 'absolute', bottom: 12, left: '50%', transform: 'translateX(-50%)', boxShadow: 3 }}>
          Newest calls
        </Button>
      )}
      <LogRecordPanel entry={open} onClose={() => setOpen(undefined)} />
    </Box>
  );
}
