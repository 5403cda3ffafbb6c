import { formatPath } from '../../shared/model/problems';
import type { LocatedProblem } from '../../shared/project-file';

/** A problem in a file on disk: what is wrong, and the file and line it is on. */
export interface FileProblem extends LocatedProblem {
  file: string;
}

/** `file:line: path: message`, the one way a file problem is printed (the path is left out when empty). */
export function formatFileProblem(problem: FileProblem, file: string = problem.file): string {
  const path = formatPath(problem.path);
  return `${file}:${problem.line}: ${path ? `${path}: ` : ''}${problem.message}`;
}

export type WorkspaceErrorCode =
  /** The file could not be read (missing, a folder, no permission). */
  | 'READ_FAILED'
  /** Writing, renaming or syncing failed; the previous file is untouched. */
  | 'WRITE_FAILED'
  /** The file on disk failed to load; overwriting it could lose what the user wrote. */
  | 'LOAD_FAILED'
  /** Someone else changed the file after it was loaded. */
  | 'CHANGED_ON_DISK'
  /** The file exists but was never loaded in this session. */
  | 'NOT_LOADED'
  /** The project holds a secret, which must never be written to the project file. */
  | 'SECRET_IN_PROJECT';

/** An error of the workspace: its message says what failed, where, and what to do. */
export class WorkspaceError extends Error {
  constructor(
    readonly code: WorkspaceErrorCode,
    readonly path: string,
    message: string,
    readonly problems: FileProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkspaceError';
  }
}

/** A read failure in words: missing file, a folder, or the system's own reason. */
export function readFailure(path: string, what: string, error: unknown): WorkspaceError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'the file does not exist' :
    code === 'EISDIR' ? 'it is a folder, not a file' :
    code === 'EACCES' || code === 'EPERM' ? 'permission denied' :
    (error as Error).message;
  return new WorkspaceError('READ_FAILED', path, `cannot read ${what} ${path}: ${reason}`, [], { cause: error });
}
