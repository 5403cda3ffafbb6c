/**
 * Errors the host hands to the UI. A service throws HostError (or the workspace's WorkspaceError)
 * with a code the UI can act on; anything else is a bug and reaches the UI only as INTERNAL,
 * never with its stack or message (either could hold a path to a secret, or a secret).
 */
import type { FileProblem, HostErrorPayload } from '../../shared/ipc/contract';
import { WorkspaceError } from './workspace-error';

export type HostErrorCode =
  /** The arguments do not match the contract's schema. */
  | 'BAD_REQUEST'
  /** The channel is not in the contract. */
  | 'UNKNOWN_CHANNEL'
  /** The thing named (app, key, group) does not exist. */
  | 'NOT_FOUND'
  /** Creating something that is already there (a project file). */
  | 'ALREADY_EXISTS'
  /** The open project failed to load, so there is nothing to work on. */
  | 'NO_PROJECT'
  /** A Swagger/OpenAPI document could not be read. */
  | 'IMPORT_FAILED'
  /** A name breaks the naming rules. */
  | 'INVALID_NAME'
  /** The local gateway is not running, and the call needs it. */
  | 'GATEWAY_NOT_RUNNING'
  /** The local gateway could not be started (its reason is in the message). */
  | 'GATEWAY_FAILED'
  /** The cloud refused or failed a call; the message has its code, message and request id. */
  | 'CLOUD_FAILED'
  /** The design changed since the plan was made: plan again. */
  | 'PLAN_STALE'
  /** Deleting in the cloud needs the project's name typed as a confirmation. */
  | 'CONFIRMATION_REQUIRED'
  /** Another run against the cloud is going on. */
  | 'BUSY'
  /** The design has problems to fix before it can be synced. */
  | 'INVALID_DESIGN'
  /** A rule refuses the purchase or change (a gateway's blockers, groups still on a gateway); the message says each reason. */
  | 'BLOCKED'
  /** A saved secret was asked for at another endpoint than the one it was saved for: it must be typed again. */
  | 'SECRET_REQUIRED'
  /** A path the user did not choose (no file dialog, command line, recent list or data dir gave it), or a secrets file. */
  | 'PATH_NOT_ALLOWED'
  /** The cloud's OpenAPI has no call that does this; the message says what to do instead. */
  | 'UNSUPPORTED'
  /** A bug in the host. */
  | 'INTERNAL';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly problems: FileProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HostError';
  }
}

export const INTERNAL_ERROR_MESSAGE = 'The host failed to carry out the request (a bug); its log has the details. Try again, or restart API Gateway Studio.';

/** What the UI receives for a thrown error: the code and message of ours, a generic one for the rest. */
export function toHostErrorPayload(error: unknown): HostErrorPayload {
  if (error instanceof HostError || error instanceof WorkspaceError) {
    const payload: HostErrorPayload = { code: error.code, message: error.message };
    if (error.problems.length > 0) payload.problems = error.problems;
    return payload;
  }
  return { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE };
}
