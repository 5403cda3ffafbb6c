// host/cloud's door: what the rest of the host may use. The OpenAPI client: signed pop-core calls with retry, paging, masking and a call log.
export { CallLog } from './call-log';
export { currentCallRun, holdCallRun, inCallRun } from './call-run';
export type { CallRun } from './call-run';
export { createCloudClient } from './client';
export type { CallOptions, CloudClient, CloudResponse } from './client';
export { CloudError, adviceFor } from './cloud-error';
export { listItems, pageAll, pageAllByToken } from './paging';
export { outcomeUnknown } from './retry';
