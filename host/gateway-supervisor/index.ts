// host/gateway-supervisor's door: what the rest of the host may use. Runs the local gateway as a child process, feeds it the project and relays its access log and status.
export type { ForkGateway } from './gateway-process';
export { readProjectSecrets } from './project-secrets';
export { createSupervisor } from './supervisor';
