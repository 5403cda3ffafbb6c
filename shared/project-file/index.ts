/** The project file and its secrets file as text. Pure: file access lives in host/workspace. */
export { parseProjectText, serializeProject, PROJECT_FILE_HEADER } from './project-text';
export type { ProjectTextResult, ParseProjectOptions } from './project-text';
export { parseSecretsText, serializeSecrets, SECRETS_FILE_HEADER } from './secrets-text';
export type { SecretsTextResult } from './secrets-text';
export { secretsFileNameFor } from './file-names';
export { findSecretsInProject, secretValuesOf, isSecretKeyName } from './secret-guard';
export type { SecretGuardOptions } from './secret-guard';
export type { LocatedProblem } from './yaml-text';
export { localStatePathFor, cloudStatePathFor, cloudStateFolderFor, stateFolderFor } from './file-names';
export { parseProjectLayout, serializeProjectLayout, LOCAL_STATE_FORMAT, CLOUD_STATE_FORMAT } from './layout';
export type { LayoutDocuments, LayoutFile, LayoutInput, LayoutProblem, LayoutResult, LayoutTexts } from './layout';
export { mergeDesignTexts } from './design-merge';
export type { DesignMergeResult } from './design-merge';
