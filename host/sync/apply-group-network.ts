/**
 * The step behind a group's network line (shared/sync/plan-network.ts): its Internet access sent
 * with ModifyApiGroupNetworkPolicy, exactly the fields the SDK model declares that the design sets
 * (GroupId, InternetEnable; docs/sync.md "Internet access"), then recorded as the fingerprint the
 * next plan compares with, since no read reports it. A setting: sending it again is harmless, so
 * the client may retry it.
 */
import type { PlanLine } from '../../shared/sync/plan-types';
import type { CloudClient } from '../cloud';
import { SyncStepError } from './apply-steps';
import type { SyncRecorder } from './recorder';

export async function applyGroupNetwork(context: { client: CloudClient; recorder: SyncRecorder }, line: PlanLine): Promise<void> {
  const name = line.ref.group ?? line.name;
  const network = context.recorder.project.groups.find((group) => group.name === name)?.network;
  if (!network) throw new SyncStepError(line, `${line.name}: the group or its Internet access setting is no longer in the design; the project changed since the plan was made. Run plan again.`);
  const groupId = context.recorder.ids.groups[name];
  if (groupId === undefined) throw new SyncStepError(line, `${line.name}: the group ${name} has no cloud id recorded; an earlier step did not finish. Run plan again.`);
  await context.client.call('CloudAPI', 'ModifyApiGroupNetworkPolicy', { GroupId: groupId, InternetEnable: network.internet }, { idempotent: true });
  await context.recorder.update((ids) => {
    if (line.fingerprint) (ids.fingerprints ??= {})[line.fingerprint.key] = line.fingerprint.value;
  });
}
