/** How the console words a cloud connection, a profile's endpoint and a failed connection test (title bar, Settings). */
import type { CloudConnectionView, CloudProfileView, ConnectionTestResult } from '../../../shared/ipc/cloud-views';

/** "Demo (offline cloud)", or "<profile> · <region>". */
export function connectionLabel(connection: CloudConnectionView): string {
  return connection.mode === 'demo' ? 'Demo (offline cloud)' : `${connection.label} · ${connection.region}`;
}

/** A profile's OpenAPI endpoint; none saved means Alibaba Cloud's own. */
export function endpointLabel(profile: Pick<CloudProfileView, 'endpoint'>): string {
  return profile.endpoint ?? 'Alibaba Cloud';
}

/**
 * What to do about a failed test: the failure's own advice, or else the sentence the host ends
 * its message with, after the request id (see CloudError.summary).
 */
export function failureAdvice(result: ConnectionTestResult): string | undefined {
  const failure = result.failure;
  if (!failure) return undefined;
  if (failure.advice) return failure.advice;
  const marker = failure.requestId ? `(RequestId ${failure.requestId}). ` : `${failure.message}. `;
  const at = result.message.lastIndexOf(marker);
  if (at < 0) return undefined;
  return result.message.slice(at + marker.length).trim() || undefined;
}
