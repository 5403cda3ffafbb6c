// host/instances's door: what the rest of the host may use. Dedicated gateway instances: listing, buying (with every check first), changing and releasing them.
export { InstanceBlocked } from './instance-errors';
export { InstanceService, deleteRefusal } from './instance-service';
export { DEFAULT_POLL_MS } from './purchases';
