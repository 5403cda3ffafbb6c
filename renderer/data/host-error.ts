/** Errors of host calls as the UI handles them: what failed (message), a code to act on, file problems. */
import type { FileProblem, HostErrorPayload } from '../../shared/ipc/contract';

export class HostError extends Error {
  readonly code: string;
  readonly problems: FileProblem[];

  constructor(payload: HostErrorPayload) {
    super(payload.message);
    this.name = 'HostError';
    this.code = payload.code;
    this.problems = payload.problems ?? [];
  }
}

/**
 * Whatever a transport threw, as a HostError. The Electron preload and the HTTP transport both
 * throw HostError; anything else (a dropped connection, a bug) keeps its message under a code.
 */
export function toHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  if (isPayload(error)) return new HostError(error);
  const message = error instanceof Error ? error.message : String(error);
  return new HostError({ code: 'UNREACHABLE', message: `The request to the host failed: ${message}. Check that API Gateway Studio is still running, then try again.` });
}

function isPayload(value: unknown): value is HostErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as HostErrorPayload).code === 'string' && typeof (value as HostErrorPayload).message === 'string';
}
