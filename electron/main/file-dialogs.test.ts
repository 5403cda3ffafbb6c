import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { createNativeChooseFile, withProjectExtension } from './file-dialogs';

function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  const asked: { kind: string; parent: unknown; options: { title?: string; filters?: { extensions: string[] }[] } }[] = [];
  const record = (kind: string) => async (...args: unknown[]) => {
    const options = args.at(-1) as (typeof asked)[number]['options'];
    asked.push({ kind, parent: args.length > 1 ? args[0] : undefined, options });
    return { filePaths: [], ...answer };
  };
  return { dialog: { showOpenDialog: record('open'), showSaveDialog: record('save') } as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, asked };
}

describe('createNativeChooseFile', () => {
  const window = { id: 1 } as unknown as BrowserWindow;

  it('opens a project with the *.apigw.yaml filter, modal to the window in front', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePaths: ['/p/shop.apigw.yaml'] });
    expect(await createNativeChooseFile(dialog, () => window)({ purpose: 'open' })).toEqual({ supported: true, path: '/p/shop.apigw.yaml' });
    expect(asked[0]).toMatchObject({ kind: 'open', parent: window, options: { title: 'Open project' } });
    expect(asked[0].options.filters?.[0].extensions).toEqual(['apigw.yaml']);
  });

  it('offers OpenAPI files for import and reports a cancel as no path', async () => {
    const { dialog, asked } = fakeDialog({ canceled: true });
    expect(await createNativeChooseFile(dialog, () => undefined)({ purpose: 'import' })).toEqual({ supported: true });
    expect(asked[0].parent).toBeUndefined();
    expect(asked[0].options.filters?.[0].extensions).toEqual(['yaml', 'yml', 'json']);
  });

  it('saves to a path that always ends in .apigw.yaml', async () => {
    const { dialog } = fakeDialog({ canceled: false, filePath: '/p/shop.yaml' });
    expect(await createNativeChooseFile(dialog, () => window)({ purpose: 'save' })).toEqual({ supported: true, path: '/p/shop.apigw.yaml' });
    expect(withProjectExtension('/p/shop')).toBe('/p/shop.apigw.yaml');
    expect(withProjectExtension('/p/shop.apigw.yml')).toBe('/p/shop.apigw.yml');
  });
});
