/**
 * `apigw-studio rollback --stage S --api G/A [--to N]`: record a rollback in the design's stage
 * history (a new version re-serving version N, by default the one before the current one) and
 * make the cloud serve it: SwitchApi to the HistoryVersion sync recorded for N, else DeployApi of
 * that snapshot.
 */
import { findDeployment, rollbackApi } from '../../shared/model/stages';

import { EXIT } from './cli-io';
import type { CliCommand } from './command';
import { STAGE_OPTIONS, deployStage, stageOf } from './deploy-command';
import { CONNECTION_HELP, CONNECTION_OPTIONS, CommandFailure, apiKeys, openSession, runSyncCommand, openRecorder } from './sync-session';

export const rollbackCommand: CliCommand = {
  name: 'rollback',
  args: '--project F --region R --stage S --api G/A',
  summary: 'Roll an API in a stage back to an earlier deployment, in the design and the cloud',
  options: { ...CONNECTION_OPTIONS, ...STAGE_OPTIONS, to: { type: 'string' } },
  optionHelp: [
    ...CONNECTION_HELP,
    '--stage S    TEST, PRE or RELEASE (required)',
    '--api G/A    The API (group/api; required, once)',
    '--to N       The version to serve again (default: the deployment before the current one)',
    '--yes, -y    Do not ask; needed when there is no terminal to ask on',
  ],
  run(context) {
    return runSyncCommand('rollback', context, async () => {
      const stage = stageOf(context, 'rollback');
      const apis = apiKeys(context.values);
      if (apis?.length !== 1 || !/^[^/]+\/[^/]+$/.test(apis[0])) throw new CommandFailure(EXIT.usage, 'apigw-studio rollback: which API? give --api group/api once');
      const [group, api] = apis[0].split('/');
      const session = await openSession('rollback', context);
      try {
        const recorder = await openRecorder(session);
        const toText = typeof context.values.to === 'string' ? context.values.to : undefined;
        if (toText !== undefined && !/^\d+$/.test(toText)) throw new CommandFailure(EXIT.usage, `apigw-studio rollback: --to ${toText} is not a version; give a number such as --to 1`);
        try {
          await recorder.updateProject((project) => rollbackApi(project, { group, api }, stage, toText === undefined ? undefined : Number(toText)));
        } catch (error) {
          throw new CommandFailure(EXIT.problems, `apigw-studio rollback: ${(error as Error).message}`);
        }
        const target = findDeployment(recorder.project, { group, api }, stage)?.history.at(-1)?.rollbackOf;
        session.io.err(`apigw-studio rollback: ${session.shown} now records ${apis[0]} in ${stage} serving version ${target} again.`);
        const status = await deployStage(session, context, 'rollback', stage, apis);
        if (status !== EXIT.ok) session.io.err(`The design already serves version ${target}; run apigw-studio deploy --stage ${stage} --api ${apis[0]} to make the cloud follow.`);
        return status;
      } finally {
        session.client.close();
      }
    });
  },
};
