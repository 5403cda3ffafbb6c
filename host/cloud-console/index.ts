// host/cloud-console's door: what the rest of the host may use. The cloud as the console shows it: profiles, connection tests, sync jobs, stages and demo mode.
export { type CloudConsole, createCloudConsole } from './cloud-console';
export type { CloudConnection, CloudSession } from './cloud-connection';
export { testConnection } from './connection-test';
export type { DemoCloudOptions } from './demo-cloud';
