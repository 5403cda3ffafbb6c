/**
 * The maintenance window's times as a picker offers them: UTC times on a half-hour grid, in the
 * `HH:mmZ` form ModifyInstanceAttribute takes (docs/alibaba-openapi.md, "Dedicated instances"),
 * each with the same moment in the buyer's own time zone. The cloud documents no granularity;
 * half hours are our choice, and a time already set off the grid is kept as an option.
 */

/** `00:00Z`, `00:30Z`, … `23:30Z`. */
export const UTC_TIMES: readonly string[] = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}Z`);

/** The picker's options: the grid, plus `current` in its place when it is a valid time off the grid. */
export function timeOptions(current: string | undefined): string[] {
  if (!current || UTC_TIMES.includes(current) || !/^([01]\d|2[0-3]):[0-5]\dZ$/.test(current)) return [...UTC_TIMES];
  return [...UTC_TIMES, current].sort();
}

/** `22:00Z` → `22:00 UTC`. */
export function utcLabel(time: string): string {
  return `${time.replace(/Z$/, '')} UTC`;
}

/**
 * The same moment in the buyer's time zone, on `day` (offsets change with daylight saving):
 * `23:00 in Europe/Berlin`. Empty when the time cannot be read or the zone is UTC itself.
 */
export function localLabel(time: string, day: Date = new Date(), timeZone?: string): string {
  const match = /^(\d{2}):(\d{2})Z$/.exec(time);
  if (!match) return '';
  const moment = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(match[1]), Number(match[2])));
  const format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const zone = timeZone ?? format.resolvedOptions().timeZone;
  if (zone === 'UTC' || zone === 'Etc/UTC') return '';
  return `${format.format(moment)} in ${zone}`;
}
