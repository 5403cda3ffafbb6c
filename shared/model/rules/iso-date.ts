/** ISO 8601 date-times as the project stores them (`2024-05-01T08:00:00Z`). */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** True for a real calendar date-time with a zone (`Z` or an offset); Date.parse alone accepts Feb 30. */
export function isIsoDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match || Number.isNaN(Date.parse(text))) return false;
  const [year, month, day, hour, minute, second = '0'] = match.slice(1).map(Number) as number[];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && Number(second) < 60;
}
