/** The native file dialogs behind `agw:project.chooseFile` in the desktop app. */
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { ChooseFile, FilePurpose } from '../../host/workspace';

const PROJECT_FILTERS: FileFilter[] = [
  { name: 'API Gateway Studio project (*.apigw.yaml)', extensions: ['apigw.yaml'] },
  { name: 'YAML', extensions: ['yaml', 'yml'] },
];
const IMPORT_FILTERS: FileFilter[] = [
  { name: 'OpenAPI or Swagger (*.yaml, *.yml, *.json)', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

const TITLES: Record<FilePurpose, string> = {
  open: 'Open project',
  save: 'Save project as',
  import: 'Import an OpenAPI or Swagger document',
};

/** `parent` is asked at each call: the dialog is modal to whichever window is in front then. */
export function createNativeChooseFile(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, parent: () => BrowserWindow | undefined): ChooseFile {
  return async ({ purpose }) => {
    const window = parent();
    if (purpose === 'save') {
      const options = { title: TITLES.save, filters: PROJECT_FILTERS, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? { supported: true } : { supported: true, path: withProjectExtension(result.filePath) };
    }
    const options = { title: TITLES[purpose], filters: purpose === 'import' ? IMPORT_FILTERS : PROJECT_FILTERS, properties: ['openFile'] as 'openFile'[] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? { supported: true } : { supported: true, path: result.filePaths[0] };
  };
}

/**
 * Some platforms' dialogs keep only the last part of a two-dot extension (macOS) or none at all;
 * a project file is always `*.apigw.yaml`. Creating refuses an existing file, so this renaming
 * can never overwrite one the dialog did not ask about.
 */
export function withProjectExtension(path: string): string {
  if (/\.apigw\.ya?ml$/i.test(path)) return path;
  if (/\.ya?ml$/i.test(path)) return path.replace(/\.ya?ml$/i, '.apigw.yaml');
  return `${path}.apigw.yaml`;
}
