// host/sync's door: what the rest of the host may use. Sync with the cloud: pull into a snapshot, plan against it, apply the plan in order and record what was done.
export { apply } from './apply';
export type { ApplyProgress, ApplyResult } from './apply';
export { mapBounded } from './bounded';
export { ConnectionError, resolveConnection } from './connection';
export type { Connection } from './connection';
export { planAgainstCloud } from './plan-cloud';
export { parseProfileKeys, profileKeysText, profileVaultName } from './profile-keys';
export type { SavedProfileKeys } from './profile-keys';
export { PullCache } from './pull-cache';
export { pull } from './pull';
export { projectFileRecorder } from './recorder';
