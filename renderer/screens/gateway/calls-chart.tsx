/**
 * Calls and errors per second over the last five minutes, drawn as SVG bars: calls in the primary
 * colour, errors over them in red, throttled calls (T429*) in amber. Redraws once a second.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useGatewayStore } from '../../data/gateway-store';
import { CHART_SECONDS, bucketsPerSecond, niceMax } from './calls-chart-data';

const HEIGHT = 84;
const AXIS = 28;

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The element's width in pixels, so the SVG draws at its real size (text is never stretched). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function Legend({ color, label, value }: { color: string; label: string; value: number }) {
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
      <Box sx={{ width: 10, height: 10, borderRadius: 0.5, bgcolor: color }} />
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {label} <Box component="strong" sx={{ color: 'text.primary' }}>{value}</Box>
      </Typography>
    </Stack>
  );
}

export function CallsChart() {
  const log = useGatewayStore((s) => s.log);
  const theme = useTheme();
  const now = useNow(1000);
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef);
  const buckets = useMemo(() => bucketsPerSecond(log, now), [log, now]);
  const top = niceMax(buckets.calls);
  const barWidth = (width - AXIS) / CHART_SECONDS;
  const y = (count: number) => HEIGHT - (count / top) * (HEIGHT - 6);
  const colors = { calls: theme.palette.primary.main, errors: theme.palette.error.main, throttled: theme.palette.warning.main };
  const { totals } = buckets;
  const summary = `Calls per second over the last 5 minutes: ${totals.calls} calls, ${totals.errors} errors, ${totals.throttled} throttled.`;

  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', px: 1.5, pt: 1, pb: 0.5 }}>
      <Box ref={boxRef} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 0.5 }}>
        <Typography variant="caption" sx={{ fontWeight: 600, color: 'text.secondary', textTransform: 'uppercase', letterSpacing: 0.4, flex: 1 }}>
          Calls per second, last 5 minutes
        </Typography>
        <Legend color={colors.calls} label="Calls" value={totals.calls} />
        <Legend color={colors.errors} label="Errors" value={totals.errors} />
        <Legend color={colors.throttled} label="Throttled (T429)" value={totals.throttled} />
      </Stack>
      <Box component="svg" role="img" aria-label={summary} viewBox={`0 0 ${width} ${HEIGHT + 14}`} sx={{ width: width, height: HEIGHT + 14, display: 'block' }}>
        <line x1={AXIS} x2={width} y1={HEIGHT} y2={HEIGHT} stroke={theme.palette.divider} />
        <line x1={AXIS} x2={width} y1={y(top)} y2={y(top)} stroke={theme.palette.divider} strokeDasharray="3 3" />
        <text x={AXIS - 4} y={y(top) + 4} textAnchor="end" fontSize={10} fill={theme.palette.text.secondary}>
          {top}
        </text>
        <text x={AXIS - 4} y={HEIGHT} textAnchor="end" fontSize={10} fill={theme.palette.text.secondary}>
          0
        </text>
        {buckets.calls.map((calls, i) => {
          if (calls === 0) return null;
          const x = AXIS + i * barWidth;
          const errors = buckets.errors[i];
          const throttled = buckets.throttled[i];
          return (
            <g key={i}>
              <rect x={x} width={Math.max(barWidth - 0.5, 1)} y={y(calls)} height={HEIGHT - y(calls)} fill={colors.calls} opacity={0.55} />
              {errors > 0 && <rect x={x} width={Math.max(barWidth - 0.5, 1)} y={y(errors)} height={HEIGHT - y(errors)} fill={colors.errors} />}
              {throttled > 0 && <rect x={x} width={Math.max(barWidth - 0.5, 1)} y={y(throttled)} height={HEIGHT - y(throttled)} fill={colors.throttled} />}
            </g>
          );
        })}
        <text x={AXIS} y={HEIGHT + 12} fontSize={10} fill={theme.palette.text.secondary}>
          5 min ago
        </text>
        <text x={width} y={HEIGHT + 12} textAnchor="end" fontSize={10} fill={theme.palette.text.secondary}>
          now
        </text>
      </Box>
    </Box>
  );
}
