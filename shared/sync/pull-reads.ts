/**
 * What pull reads beyond the lists, for a plan of one design: the definitions of this project's
 * APIs, and the relation scopes the design or the last sync has something in. The lists alone
 * cost a few calls however large the account; these reads are where a pull's cost goes, so they
 * are kept to what the plan compares.
 */
import type { CloudIds, Project, Stage } from '../model/schema';
import { STAGES } from '../model/schema';
import { isOurs } from './match';
import { planContext } from './plan-context';
import { emptyCloudIds } from './kinds';
import type { CloudSnapshot } from './snapshot';

export interface GroupStage {
  groupId: string;
  stage: Stage;
}

export interface PullReads {
  /** APIs whose definition (and what each stage serves) to read: 'all', or ApiIds. */
  apis: 'all' | string[];
  stageVariables: 'all' | GroupStage[];
  throttlingBindings: 'all' | GroupStage[];
  /** Plug-ins whose bindings to read. */
  plugins: 'all' | string[];
  /** Apps whose authorizations to read. */
  apps: 'all' | string[];
}

/** Everything: what importing a whole account needs. */
export const READ_EVERYTHING: PullReads = { apis: 'all', stageVariables: 'all', throttlingBindings: 'all', plugins: 'all', apps: 'all' };

/** Nothing beyond the lists (the refresh after an apply). */
export const READ_LISTS_ONLY: PullReads = { apis: [], stageVariables: [], throttlingBindings: [], plugins: [], apps: [] };

/** The reads a plan of `design` needs, given the lists pull already has. */
export function pullReadsFor(design: Project, ids: CloudIds | undefined, listing: CloudSnapshot): PullReads {
  const recorded = ids ?? emptyCloudIds();
  const context = planContext(design, listing, recorded);
  const relations = recorded.relations ?? {};
  const has = (scope: string) => (relations[scope]?.length ?? 0) > 0;

  const stageVariables: GroupStage[] = [];
  const throttlingBindings: GroupStage[] = [];
  const boundStages = new Set(design.throttlingPolicies.flatMap((policy) => policy.bindings.map((binding) => `${binding.group}/${binding.stage}`)));
  for (const match of context.matches.group) {
    if (!match.cloud || !(isOurs(match.status) || match.status === 'orphan')) continue;
    for (const stage of STAGES) {
      const at = { groupId: match.cloud.id, stage };
      if (Object.keys(match.design?.stageVariables[stage] ?? {}).length > 0 || has(`vars:${match.key}/${stage}`)) stageVariables.push(at);
      if (boundStages.has(`${match.key}/${stage}`) || has(`throttling:${match.key}/${stage}`)) throttlingBindings.push(at);
    }
  }
  const ours = (matches: { status: Parameters<typeof isOurs>[0]; cloud?: { id: string } }[]) =>
    matches.filter((match) => match.cloud && (isOurs(match.status) || match.status === 'orphan')).map((match) => match.cloud!.id);
  return {
    apis: context.matches.api.filter((match) => match.cloud && isOurs(match.status)).map((match) => match.cloud!.id),
    stageVariables,
    throttlingBindings,
    plugins: ours(context.matches.plugin),
    apps: ours(context.matches.app),
  };
}
