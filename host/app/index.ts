// host/app's door: what the rest of the host may use. The host assembled: every feature's service behind one dispatcher, for the Electron shell and the CLI's ui command.
export { createHostServices } from './services';
export type { HostServices } from './services';
