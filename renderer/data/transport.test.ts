// The desktop path of the transport: the preload's WireApi hands back outcomes, and the UI must
// see a HostError with the host's code (contextBridge would have dropped it from a thrown Error).
import { afterEach, describe, expect, it } from 'vitest';
import { buildWireApi, type CallChannel, type CallOutcome } from '../../shared/ipc/contract';
import { HostError } from './host-error';
import { getHost } from './transport';

const globals = globalThis as { window?: unknown };

function installPreload(answer: (channel: CallChannel, args: unknown[]) => CallOutcome) {
  const wire = buildWireApi(async (channel, args) => answer(channel, args), () => () => {});
  globals.window = { agw: wire };
}

afterEach(() => {
  delete globals.window;
});

describe('transport through the preload', () => {
  it('resolves with the result of a successful call', async () => {
    installPreload((channel, args) => ({ ok: true, result: { channel, args } }));
    await expect(getHost().project.open('/p/a.apigw.yaml')).resolves.toEqual({ channel: 'agw:project.open', args: ['/p/a.apigw.yaml'] });
  });

  it('rejects with a HostError that keeps the code and problems', async () => {
    const problems = [{ path: ['apis', 0], message: 'bad', line: 3 }];
    installPreload(() => ({ ok: false, error: { code: 'CHANGED_ON_DISK', message: 'The file changed on disk.', problems } }));
    const failure = getHost().project.current();
    await expect(failure).rejects.toBeInstanceOf(HostError);
    await expect(failure).rejects.toMatchObject({ code: 'CHANGED_ON_DISK', message: 'The file changed on disk.', problems });
  });
});
