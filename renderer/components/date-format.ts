/**
 * The console's one way to write a moment: the viewer's local time with its zone
 * (`2025-01-10 16:00:05 GMT+8`), the ISO text for a tooltip. Every screen that shows a time uses
 * this (through <DateTime>), so a plan, a run, a deployment and a call read alike.
 */

/** `YYYY-MM-DD HH:mm:ss <zone>` in `timeZone` (the viewer's when absent); the text itself when it is no time. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

/** The tooltip: the moment in ISO 8601 UTC, as the cloud and the files record it. */
export function isoOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}
