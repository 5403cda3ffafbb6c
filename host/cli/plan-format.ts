/**
 * A plan as a person reads it in a terminal: one line per change with a marker (+ add, - remove,
 * ~ change, ! conflict), the fields that change under it, and the reason; colours on a TTY.
 */
import type { PlanLine, PlanOp, SyncPlan } from '../../shared/sync/plan-types';
import { isChange } from '../../shared/sync/plan-types';
import { plural } from './cli-io';

const MARKER: Record<PlanOp, string> = {
  create: '+',
  bind: '+',
  authorize: '+',
  deploy: '+',
  update: '~',
  adopt: '~',
  delete: '-',
  unbind: '-',
  unauthorize: '-',
  abolish: '-',
  conflict: '!',
  unmanaged: '·',
  orphan: '·',
};

const COLOUR: Record<string, string> = { '+': '32', '-': '31', '~': '33', '!': '35', '·': '2' };

export interface Style {
  colour: boolean;
}

export function paint(style: Style, code: string, text: string): string {
  return style.colour ? `\u001b[${code}m${text}\u001b[0m` : text;
}

/** `+ create api demo_hello_api/hello  (new API in the design)` and its field lines. */
export function formatLine(line: PlanLine, style: Style): string[] {
  const marker = MARKER[line.op];
  const head = `${marker} ${line.op} ${line.kind} ${line.name}`;
  const reason = `${line.drift ? 'DRIFT: ' : ''}${line.reason}`;
  const lines = [`${paint(style, COLOUR[marker], head)}  ${paint(style, '2', `(${reason})`)}`];
  for (const field of line.fields ?? []) {
    lines.push(`      ${field.path || '(all)'}: ${show(field.from)} → ${show(field.to)}`);
  }
  return lines;
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function planSummary(plan: SyncPlan): string {
  const changes = plan.lines.filter(isChange);
  const count = (markers: string[]) => changes.filter((line) => markers.includes(MARKER[line.op])).length;
  const conflicts = count(['!']);
  const left = plan.lines.length - changes.length;
  if (changes.length === 0) return `No changes: the cloud matches the design.${left ? ` ${plural(left, 'thing')} in the cloud left alone (listed above).` : ''}`;
  return [
    `Plan: ${count(['+'])} to add, ${count(['~'])} to change, ${count(['-'])} to remove`,
    conflicts ? `, ${plural(conflicts, 'conflict')} to settle first` : '',
    left ? `; ${plural(left, 'thing')} in the cloud left alone` : '',
    '.',
  ].join('');
}

export function formatPlan(plan: SyncPlan, style: Style): string[] {
  return [...plan.lines.flatMap((line) => formatLine(line, style)), '', planSummary(plan)];
}
