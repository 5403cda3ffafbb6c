/** One request of a cloud call as it ends: what the client tells the call log and its listeners. */
import type { CloudProduct } from '../../shared/cloud/products';

export interface CloudCallEvent {
  product: CloudProduct;
  action: string;
  /** 1 for the first request of a call, 2 for its first retry... */
  attempt: number;
  ok: boolean;
  code?: string;
  requestId?: string;
  durationMs: number;
  /** Whether another attempt follows this failed one. */
  willRetry: boolean;
  /** The parameters sent, as the call log may keep them (call-masking.ts): credentials masked, no signature. */
  params: Record<string, string>;
  /** The answer's HTTP status; absent when none came. */
  status?: number;
  /** When the request was sent (ISO). */
  at: string;
}
