// host/debugger's door: what the rest of the host may use. The debugger: a signed call to the local gateway (or the cloud), with what was sent and answered.
export { DebugService } from './debug-service';
