import { describe, expect, it } from 'vitest';
import { buildHostApi } from '../../shared/ipc/contract';
import type { CallChannel } from '../../shared/ipc/contract';
import { appCredentials, createAppCredentials, deleteAppCredentials, revealAppSecret, rotateAppSecret } from './credentials';
import { exportOpenApi } from './export';
import { setHost } from './host';
import { HostError } from './host-error';
import { chooseImportFile, previewImport } from './import';

/** The host boundary, faked: records each call and answers from `answer`. */
function fakeHost(answer: (channel: CallChannel, args: unknown[]) => unknown) {
  const calls: { channel: CallChannel; args: unknown[] }[] = [];
  setHost(
    buildHostApi(
      async (channel, args) => {
        calls.push({ channel, args });
        return answer(channel, args);
      },
      () => () => undefined,
    ),
  );
  return calls;
}

const view = { app: 'caller', keys: [{ appKey: '204000001', secretSet: true as const }], appCodes: ['abcd…wxyz'] };

describe('design calls of the data layer', () => {
  it('sends the credentials calls with the app and key they name', async () => {
    const calls = fakeHost((channel) => (channel === 'agw:apps.revealSecret' ? { appSecret: 's3cret' } : channel === 'agw:apps.deleteCredentials' ? { ok: true } : view));
    expect(await createAppCredentials('caller')).toEqual(view);
    expect(await appCredentials('caller')).toEqual(view);
    expect(await revealAppSecret('caller', '204000001')).toBe('s3cret');
    expect(await rotateAppSecret('caller', '204000001')).toEqual(view);
    await deleteAppCredentials('caller');
    expect(calls).toEqual([
      { channel: 'agw:apps.createCredentials', args: [{ app: 'caller' }] },
      { channel: 'agw:apps.credentials', args: [{ app: 'caller' }] },
      { channel: 'agw:apps.revealSecret', args: [{ app: 'caller', appKey: '204000001' }] },
      { channel: 'agw:apps.rotateSecret', args: [{ app: 'caller', appKey: '204000001' }] },
      { channel: 'agw:apps.deleteCredentials', args: [{ app: 'caller' }] },
    ]);
  });

  it('asks for an export and an import preview', async () => {
    const calls = fakeHost((channel) =>
      channel === 'agw:export.openapi' ? { text: 'openapi: 3.0.3', fileName: 'g-TEST.openapi.yaml' } : { apis: [], groups: [], problems: [], format: 'OpenAPI 3.0.3' },
    );
    expect((await exportOpenApi('g', 'TEST', 'yaml')).fileName).toBe('g-TEST.openapi.yaml');
    await previewImport({ kind: 'text', text: 'openapi: 3.0.3' }, 'g');
    expect(calls.map((c) => [c.channel, c.args])).toEqual([
      ['agw:export.openapi', [{ group: 'g', stage: 'TEST', format: 'yaml' }]],
      ['agw:import.preview', [{ source: { kind: 'text', text: 'openapi: 3.0.3' }, group: 'g' }]],
    ]);
  });

  it('tells a missing native file dialog (null) from a cancelled one (undefined)', async () => {
    fakeHost(() => ({ supported: false }));
    expect(await chooseImportFile()).toBeNull();
    fakeHost(() => ({ supported: true }));
    expect(await chooseImportFile()).toBeUndefined();
    fakeHost(() => ({ supported: true, path: '/tmp/api.yaml' }));
    expect(await chooseImportFile()).toBe('/tmp/api.yaml');
  });

  it('turns whatever the transport throws into a HostError', async () => {
    fakeHost(() => {
      throw new Error('socket hang up');
    });
    const failure = await revealAppSecret('caller', 'k').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).message).toMatch(/socket hang up/);
  });
});
