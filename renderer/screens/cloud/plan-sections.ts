/**
 * How a plan reads on screen: its lines grouped by object type in the order apply runs them, with
 * a word and a colour per operation, and the lines that change nothing set apart.
 */
import type { PlanLine, PlanKind, PlanOp } from '../../../shared/sync/plan-types';

export const KIND_LABELS: Record<PlanKind, string> = {
  group: 'API groups',
  stageVariable: 'Stage variables',
  app: 'Apps',
  throttlingPolicy: 'Throttling policies',
  plugin: 'Plug-ins',
  api: 'APIs',
  throttlingBinding: 'Throttling bindings',
  pluginBinding: 'Plug-in bindings',
  authorization: 'Authorizations',
  deployment: 'Deployments',
};

export type OpTone = 'success' | 'info' | 'error' | 'warning' | 'default';

export const OP_LABELS: Record<PlanOp, { label: string; tone: OpTone }> = {
  create: { label: 'Create', tone: 'success' },
  update: { label: 'Update', tone: 'info' },
  adopt: { label: 'Adopt', tone: 'info' },
  delete: { label: 'Delete', tone: 'error' },
  deploy: { label: 'Deploy', tone: 'success' },
  abolish: { label: 'Abolish', tone: 'error' },
  bind: { label: 'Bind', tone: 'success' },
  unbind: { label: 'Unbind', tone: 'error' },
  authorize: { label: 'Authorize', tone: 'success' },
  unauthorize: { label: 'Revoke', tone: 'error' },
  unmanaged: { label: 'Not managed', tone: 'default' },
  orphan: { label: 'Dropped from design', tone: 'warning' },
  conflict: { label: 'Conflict', tone: 'error' },
};

const INFORMATION: ReadonlySet<PlanOp> = new Set(['unmanaged', 'orphan']);

export interface PlanSection {
  kind: PlanKind;
  label: string;
  lines: PlanLine[];
}

/** The lines that change the cloud (or block apply), by kind, in the order of KIND_LABELS; and the rest. */
export function planSections(lines: readonly PlanLine[]): { changes: PlanSection[]; information: PlanLine[] } {
  const changes: PlanSection[] = [];
  for (const kind of Object.keys(KIND_LABELS) as PlanKind[]) {
    const ofKind = lines.filter((line) => line.kind === kind && !INFORMATION.has(line.op));
    if (ofKind.length > 0) changes.push({ kind, label: KIND_LABELS[kind], lines: ofKind });
  }
  return { changes, information: lines.filter((line) => INFORMATION.has(line.op)) };
}

/** A field's value as the diff shows it: JSON for structures, quoted strings, "(not set)" for nothing. */
export function shownValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  // Quoted, not escaped: a JSON body reads as itself, and "5" still differs from 5.
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}
