// host/workspace's door: what the rest of the host may use. The open project: reading, checking and saving the project file and its secrets file, and watching it for outside edits.
export { watchFile } from './file-watcher';
export type { FileWatch } from './file-watcher';
export { ensureGitignoreLines } from './gitignore';
export { ProjectStore, projectGitignoreLines, projectRevision } from './project-store';
export type { ProjectLoadResult, SaveProjectResult } from './project-store';
export { SECRETS_FILE_MODE, SecretsStore, gitignoreLinesFor } from './secrets-store';
export { WorkspaceService, revisionOf } from './workspace-service';
export type { ChooseFile, FilePurpose } from './workspace-service';
