// offline-cloud's door: what the host may use of the offline cloud, a separate server it starts in demo mode (and the CLI's cloud-sim command).
export { DEFAULT_INSTANCE_DELAY_MS } from './actions/cloudapi-instances';
export { startCloudSim } from './cloud-sim';
export type { CloudSim, CloudSimOptions } from './cloud-sim';
export { startDataPlane } from './data-plane';
export type { CloudDataPlane } from './data-plane';
export { DEMO_ACCOUNT } from './sim-accounts';
export { DEFAULT_REGION } from './sim-regions';
export { STATE_FILE_NAME } from './sim-state';
