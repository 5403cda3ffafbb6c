/** Helpers to show a StringToSign comparison: which part of the string a line is, and its marked characters. */

export interface Segment {
  text: string;
  /** Characters that differ from the other side. */
  marked: boolean;
}

/** Splits a line into runs of plain and marked characters along [start, end) ranges (any order, overlapping, clamped). */
export function markSegments(line: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const marked = new Array<boolean>(line.length).fill(false);
  for (const [start, end] of ranges) for (let i = Math.max(0, start); i < Math.min(end, line.length); i++) marked[i] = true;
  const segments: Segment[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = segments.at(-1);
    if (last && last.marked === marked[i]) last.text += line[i];
    else segments.push({ text: line[i], marked: marked[i] });
  }
  return segments.length > 0 ? segments : [{ text: '', marked: false }];
}

const FIXED_PARTS = ['HTTP method', 'Accept', 'Content-MD5', 'Content-Type', 'Date'];

/** What a line of a StringToSign holds, by its position (the layout is fixed: five lines, headers, the path). */
export function linePart(index: number, total: number): string {
  if (index < FIXED_PARTS.length) return FIXED_PARTS[index];
  if (index === total - 1) return 'Path and parameters';
  return 'Signed header';
}

/** A StringToSign split into its lines (LF only, as signed). */
export function stringToSignLines(text: string): string[] {
  return text.split('\n');
}
