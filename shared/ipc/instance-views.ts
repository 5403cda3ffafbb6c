/**
 * Dedicated gateways (API Gateway instances) as the UI sees them: the region's instances with
 * their spec and status, what a purchase needs to know about the region (the same
 * PurchaseContext the rules read), and purchases in progress, which the host follows until the
 * instance runs (so closing the window loses nothing).
 */
import type { ExistingInstance, Finding, InstanceChange, PurchaseContext, PurchaseRequest } from '../purchase';

export interface InstanceView extends ExistingInstance {
  region: string;
  /** From the purchase record when this app bought it (CreateInstance has no description). */
  description?: string;
  /** `VPC_DEDICATED`, or `VPC_SHARED` for the region's shared instance (listed, never changed). */
  instanceType: string;
  chargeType?: string;
  createdTime?: string;
  expiredTime?: string;
  httpsPolicy?: string;
  /**
   * The public address its outbound calls come from (DescribeInstances' InternetEgressAddress).
   * Its outbound Internet bandwidth is fixed by the spec; inbound Internet access is each API
   * group's setting, not the gateway's.
   */
  internetEgressAddress?: string;
  /** API groups placed on it (a delete is refused while there are any). */
  groups: { id: string; name: string }[];
}

/** A purchase the host follows from CreateInstance to RUNNING, then sets the maintenance window. */
export interface PurchaseProgress {
  token: string;
  name: string;
  region: string;
  instanceId?: string;
  state: 'submitting' | 'creating' | 'configuring' | 'running' | 'failed';
  /** A sentence for the progress view: "Waiting for the instance to start (CREATING, 40 s)". */
  message: string;
  startedAt: string;
  endedAt?: string;
  failure?: { code: string; message: string; requestId?: string };
  /** Failed, but a gateway may exist (the answer was lost, or it failed after the instance was made): worth looking again with the same token. */
  canRetry?: boolean;
}

export interface InstancesView {
  region: string;
  instances: InstanceView[];
  /** Dedicated instances now, and how many the region allows. */
  quota: { used: number; limit: number };
  /** Purchases started from this app that have not ended, or ended in the last hour. */
  purchases: PurchaseProgress[];
}

export interface PurchaseCheck {
  findings: Finding[];
  context: PurchaseContext;
}

export type { ExistingInstance, Finding, InstanceChange, PurchaseContext, PurchaseRequest };
