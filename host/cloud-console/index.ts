// host/cloud-console's door: what the rest of the host may use. The cloud as the console shows it: profiles, connection tests, sync jobs, stages and demo mode.
export { createCloudConsole } from './cloud-console';
export type { CloudConnection } from './cloud-connection';
export { testConnection } from './connection-test';
export type { DemoCloudOptions } from './demo-cloud';
