/**
 * Import of Swagger 2.0 / OpenAPI 3.x documents: the host parses and converts, changing nothing;
 * the UI shows the preview, and applying it is one design edit (screens/import/import-check.ts).
 */
import type { ImportPreview } from '../../shared/ipc/contract';
import { host } from './host';
import { toHostError } from './host-error';
import { appInfo, chooseFile } from './workspace';

export type ImportSource = { kind: 'text'; text: string } | { kind: 'file'; path: string };

export async function previewImport(source: ImportSource, group: string): Promise<ImportPreview> {
  try {
    return await host().import.preview({ source, group });
  } catch (error) {
    throw toHostError(error);
  }
}

/**
 * The desktop app's native file dialog: the chosen path, `undefined` when the user cancelled,
 * `null` when this mode has none (browser mode reads the file in the page instead).
 */
export async function chooseImportFile(): Promise<string | undefined | null> {
  const chosen = await chooseFile('import');
  return chosen.supported ? chosen.path : null;
}

/** Whether the host can open a native file dialog (the desktop app). */
export async function hasNativeFileDialog(): Promise<boolean> {
  return (await appInfo()).mode === 'desktop';
}
