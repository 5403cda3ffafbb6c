/**
 * `apigw-studio deploy --stage S`: make a stage in the cloud serve what the design's stage serves
 * (its recorded snapshots), and nothing else: DeployApi, SwitchApi for rollbacks, AbolishApi.
 */
import type { Stage } from '../../shared/model/schema';
import { STAGES } from '../../shared/model/schema';
import { planChanges, planConflicts } from '../../shared/sync/plan-types';
import { apply, planAgainstCloud } from '../sync';
import { EXIT, plural } from './cli-io';
import type { CliCommand, CommandContext } from './command';
import { formatPlan } from './plan-format';
import { CONNECTION_HELP, CONNECTION_OPTIONS, CommandFailure, type SyncSession, apiKeys, confirm, openSession, progressPrinter, reportApply, runSyncCommand, openRecorder } from './sync-session';

export const STAGE_OPTIONS = {
  stage: { type: 'string' },
  api: { type: 'string', multiple: true },
  yes: { type: 'boolean', short: 'y' },
} as const;

export const deployCommand: CliCommand = {
  name: 'deploy',
  args: '--project F --region R --stage S',
  summary: "Make a stage in the cloud serve the design's recorded snapshots",
  options: { ...CONNECTION_OPTIONS, ...STAGE_OPTIONS },
  optionHelp: [
    ...CONNECTION_HELP,
    '--stage S    TEST, PRE or RELEASE (required)',
    '--api G/A    Only this API (group/api); give it again for more',
    '--yes, -y    Do not ask; needed when there is no terminal to ask on',
  ],
  run(context) {
    return runSyncCommand('deploy', context, async () => {
      const stage = stageOf(context, 'deploy');
      const session = await openSession('deploy', context);
      try {
        return await deployStage(session, context, 'deploy', stage, apiKeys(context.values));
      } finally {
        session.client.close();
      }
    });
  },
};

export function stageOf(context: CommandContext, command: string): Stage {
  const stage = typeof context.values.stage === 'string' ? context.values.stage.toUpperCase() : undefined;
  if (!stage || !(STAGES as readonly string[]).includes(stage)) {
    throw new CommandFailure(EXIT.usage, `apigw-studio ${command}: which stage? give --stage TEST, PRE or RELEASE`);
  }
  return stage as Stage;
}

/** Plans the deployments of one stage (and maybe some APIs), shows them, asks, applies. */
export async function deployStage(session: SyncSession, context: CommandContext, command: string, stage: Stage, apis: string[] | undefined): Promise<number> {
  const recorder = await openRecorder(session);
  const { plan, snapshot } = await planAgainstCloud(session.client, recorder.project, session.connection.profileKey, { cache: session.cache, only: { stage, apis } });
  if (!session.json) for (const line of formatPlan(plan, session.style)) session.io.out(line);
  if (planConflicts(plan).length > 0) throw new CommandFailure(EXIT.problems, `apigw-studio ${command}: not deploying: settle the lines marked ! first (apigw-studio apply makes what is missing)`);
  const changes = planChanges(plan);
  if (changes.length === 0) {
    if (session.json) session.io.out(JSON.stringify({ ok: true, done: [], left: [] }, null, 2));
    return EXIT.ok;
  }
  if (!(await confirm(session, command, `Change what ${stage} serves in ${plan.region} for ${plural(changes.length, 'API')}?`, context.values.yes === true))) {
    session.io.err(`apigw-studio ${command}: nothing deployed.`);
    return EXIT.problems;
  }
  const result = await apply({ client: session.client, plan, snapshot, recorder, cache: session.cache, onProgress: progressPrinter(session) });
  return reportApply(session, command, result);
}
