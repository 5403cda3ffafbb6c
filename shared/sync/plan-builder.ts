/** Collects a plan's lines and what a complete apply records, while the planner walks the kinds. */
import type { PlanLine, SyncPlan } from './plan-types';

export class PlanBuilder {
  readonly lines: PlanLine[] = [];
  readonly fingerprints: Record<string, string> = {};
  readonly relations: Record<string, string[]> = {};
  readonly adoptedIds: Record<string, string> = {};
  readonly deployed: Record<string, Record<string, string>> = {};
  /** `<kind>:<key>` records whose object is gone from the design and the cloud. */
  readonly forget: string[] = [];

  constructor(readonly prune: boolean) {}

  add(line: PlanLine): void {
    this.lines.push(line);
  }

  build(region: string, scope: SyncPlan['scope'] = 'full'): SyncPlan {
    // Stable order: by phase, then as the design lists things (the walk's order), informational lines first.
    const lines = this.lines.map((line, index) => ({ line, index })).sort((a, b) => a.line.phase - b.line.phase || a.index - b.index).map(({ line }) => line);
    return { region, scope, lines, fingerprints: this.fingerprints, relations: this.relations, adoptedIds: this.adoptedIds, deployed: this.deployed, forget: this.forget };
  }
}
