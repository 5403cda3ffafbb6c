/** How the access log shows times, statuses and latencies. */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local wall-clock time `HH:MM:SS` of an ISO time (the text itself when it is not a time). */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** `HH:MM:SS.mmm`, for the log's rows where calls come many per second. */
export function formatLogTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatClock(iso)}.${pad(date.getMilliseconds(), 3)}`;
}

export function formatLatency(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** The theme colour of a status: success 2xx, info 3xx, warning 4xx, error 5xx. */
export function statusColor(status: number): string {
  if (status >= 500) return 'error.main';
  if (status >= 400) return 'warning.main';
  if (status >= 300) return 'info.main';
  return 'success.main';
}
