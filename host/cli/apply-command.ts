/**
 * `apigw-studio apply`: plan, show the plan, ask (or --yes), then run it against the cloud,
 * recording each cloud id in the project file as it is made.
 */
import { planChanges, planConflicts } from '../../shared/sync/plan-types';
import { apply, planAgainstCloud } from '../sync';
import { EXIT, plural } from './cli-io';
import type { CliCommand } from './command';
import { formatPlan } from './plan-format';
import { CONNECTION_HELP, CONNECTION_OPTIONS, CommandFailure, confirm, openSession, progressPrinter, reportApply, runSyncCommand, openRecorder } from './sync-session';

export const applyCommand: CliCommand = {
  name: 'apply',
  args: '--project F --region R',
  summary: 'Apply the plan to the cloud, recording the cloud ids in the project',
  options: { ...CONNECTION_OPTIONS, prune: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
  optionHelp: [
    ...CONNECTION_HELP,
    '--prune    Also delete what the design dropped since the last sync',
    '--yes, -y  Do not ask; needed when there is no terminal to ask on',
  ],
  run(context) {
    return runSyncCommand('apply', context, async () => {
      const session = await openSession('apply', context);
      try {
        const recorder = await openRecorder(session);
        const { plan, snapshot } = await planAgainstCloud(session.client, recorder.project, session.connection.profileKey, { prune: context.values.prune === true, cache: session.cache });
        const changes = planChanges(plan);
        if (!session.json) for (const line of formatPlan(plan, session.style)) session.io.out(line);
        const conflicts = planConflicts(plan);
        if (conflicts.length > 0) {
          throw new CommandFailure(EXIT.problems, `apigw-studio apply: not applying: ${plural(conflicts.length, 'conflict')} (marked !) must be settled first, as each line says`);
        }
        if (changes.length === 0) {
          if (session.json) session.io.out(JSON.stringify({ ok: true, done: [], left: [] }, null, 2));
          return EXIT.ok;
        }
        const question = `Apply ${plural(changes.length, 'change')} to ${plan.region} (${session.connection.profileKey})?`;
        if (!(await confirm(session, 'apply', question, context.values.yes === true))) {
          session.io.err('apigw-studio apply: not applied.');
          return EXIT.problems;
        }
        const result = await apply({ client: session.client, plan, snapshot, recorder, cache: session.cache, onProgress: progressPrinter(session) });
        return reportApply(session, 'apply', result);
      } finally {
        session.client.close();
      }
    });
  },
};
