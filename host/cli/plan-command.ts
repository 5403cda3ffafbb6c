/**
 * `apigw-studio plan`: read the cloud and show, line by line, what apply would change. Changes
 * nothing, anywhere. With --detailed-exitcode: 0 no changes, 2 changes, 1 error.
 */
import { planChanges } from '../../shared/sync/plan-types';
import { planAgainstCloud } from '../sync';
import { EXIT } from './cli-io';
import type { CliCommand } from './command';
import { formatPlan } from './plan-format';
import { CONNECTION_HELP, CONNECTION_OPTIONS, openSession, runSyncCommand, openRecorder } from './sync-session';

export const planCommand: CliCommand = {
  name: 'plan',
  args: '--project F --region R',
  summary: 'Show, line by line, what sync would change in the cloud',
  options: { ...CONNECTION_OPTIONS, prune: { type: 'boolean' }, 'detailed-exitcode': { type: 'boolean' } },
  optionHelp: [
    ...CONNECTION_HELP,
    '--prune              Also plan to delete what the design dropped since the last sync',
    '--detailed-exitcode  Exit 0 with no changes, 2 with changes, 1 on error',
  ],
  run(context) {
    const detailed = context.values['detailed-exitcode'] === true;
    return runSyncCommand(
      'plan',
      context,
      async () => {
        const session = await openSession('plan', context);
        try {
          const recorder = await openRecorder(session);
          const { plan } = await planAgainstCloud(session.client, recorder.project, session.connection.profileKey, { prune: context.values.prune === true, cache: session.cache });
          const changes = planChanges(plan);
          if (session.json) {
            session.io.out(JSON.stringify({ project: session.shown, profileKey: session.connection.profileKey, region: plan.region, changes: changes.length, lines: plan.lines }, null, 2));
          } else {
            session.io.out(`Plan for ${session.shown} in ${plan.region} (recorded as ${session.connection.profileKey}):`);
            for (const line of formatPlan(plan, session.style)) session.io.out(line);
          }
          return detailed && changes.length > 0 ? 2 : EXIT.ok;
        } finally {
          session.client.close();
        }
      },
      detailed,
    );
  },
};
