/** A moment as the console writes it everywhere: local time with zone, ISO on hover (components/date-format.ts). */
import { formatDateTime, isoOf } from './date-format';

export function DateTime({ iso }: { iso: string }) {
  return (
    <time dateTime={isoOf(iso)} title={isoOf(iso)}>
      {formatDateTime(iso)}
    </time>
  );
}
