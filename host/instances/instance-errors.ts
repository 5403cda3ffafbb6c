/**
 * How instance operations fail: a rule's blockers (with the findings, so the CLI can list them),
 * a cloud failure turned into the host's CLOUD_FAILED, and whether a failed write may have been
 * done all the same.
 */
import type { PurchaseProgress } from '../../shared/ipc/instance-views';
import { type Finding, blockersOf } from '../../shared/purchase';
import { CloudError, adviceFor } from '../cloud';
import { HostError } from '../base/host-error';

/** A purchase or change that a shared/purchase rule refuses; the message has every blocker's sentence. */
export class InstanceBlocked extends HostError {
  constructor(
    readonly findings: Finding[],
    lead: string,
  ) {
    super('BLOCKED', `${lead} ${blockersOf(findings).map((finding) => finding.message).join(' ')}`);
  }
}

/** The cloud's errors as the host reports them (as the cloud service does); everything else unchanged. */
export function toHostError(error: unknown): unknown {
  if (error instanceof CloudError) return new HostError('CLOUD_FAILED', error.summary, [], { cause: error });
  return error;
}

/** Whether a failed write may have been done all the same: the client's rule, shared with sync's creates. */
export { outcomeUnknown } from '../cloud';

/** What a purchase's progress shows of a failure: the cloud's code, message and request id; ours otherwise. */
export function failureOf(error: unknown): NonNullable<PurchaseProgress['failure']> {
  if (error instanceof CloudError) return { code: error.code, message: `${error.product} ${error.action}: ${error.message}. ${adviceFor(error)}`, ...(error.requestId ? { requestId: error.requestId } : {}) };
  if (error instanceof HostError) return { code: error.code, message: error.message };
  return { code: 'FAILED', message: error instanceof Error ? error.message : String(error) };
}
