import { describe, expect, it } from 'vitest';
import { WorkspaceError } from './workspace-error';
import { createDispatcher } from './dispatch';
import { HostError, INTERNAL_ERROR_MESSAGE } from './host-error';
import { recordingHandlers } from './testing/recording-handlers';

describe('createDispatcher', () => {
  it('calls the handler with the parsed arguments', async () => {
    const { handlers, calls } = recordingHandlers();
    const outcome = await createDispatcher(handlers).dispatch('agw:project.open', ['/tmp/shop.apigw.yaml']);
    expect(outcome).toEqual({ ok: true, result: { channel: 'agw:project.open', args: ['/tmp/shop.apigw.yaml'] } });
    expect(calls).toEqual([{ channel: 'agw:project.open', args: ['/tmp/shop.apigw.yaml'] }]);
  });

  it('refuses a channel outside the contract, without calling anything', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatcher = createDispatcher(handlers);
    for (const channel of ['agw:shell.exec', 'toString', '__proto__', 'agw:project.open\n']) {
      const outcome = await dispatcher.dispatch(channel, []);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(calls).toEqual([]);
  });

  it.each([
    ['agw:project.open', [42]],
    ['agw:project.open', []],
    ['agw:project.open', ['/a', '/b']],
    ['agw:project.current', ['extra']],
    ['agw:project.save', [{ project: { format: 'nope' }, revision: 'r' }]],
    ['agw:apps.revealSecret', [{ app: 'demo_caller_app' }]],
    ['agw:export.openapi', [{ group: 'g', format: 'xml' }]],
    ['agw:project.open', 'not an array'],
  ])('%s with %j → BAD_REQUEST, handler not called', async (channel, args) => {
    const { handlers, calls } = recordingHandlers();
    const outcome = await createDispatcher(handlers).dispatch(channel, args);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(new RegExp(`^Bad request to ${channel}: `)) } });
    expect(calls).toEqual([]);
  });

  it('keeps the code, message and problems of workspace and host errors', async () => {
    const problems = [{ path: ['name'], message: 'bad', line: 3, column: 1, file: '/p.apigw.yaml' }];
    const { handlers } = recordingHandlers({
      'agw:project.current': async () => {
        throw new WorkspaceError('LOAD_FAILED', '/p.apigw.yaml', 'not saving over /p.apigw.yaml: it failed to load', problems);
      },
      'agw:apps.credentials': async () => {
        throw new HostError('NOT_FOUND', 'No such app.');
      },
    });
    const dispatcher = createDispatcher(handlers);
    expect(await dispatcher.dispatch('agw:project.current', [])).toEqual({
      ok: false,
      error: { code: 'LOAD_FAILED', message: 'not saving over /p.apigw.yaml: it failed to load', problems },
    });
    expect(await dispatcher.dispatch('agw:apps.credentials', [{ app: 'demo_caller_app' }])).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such app.' } });
  });

  it('turns any other error into INTERNAL without its message or stack, and logs it for the host', async () => {
    const logged: unknown[] = [];
    const { handlers } = recordingHandlers({
      'agw:apps.revealSecret': async () => {
        throw new Error('failed near s3cr3tValue');
      },
    });
    const dispatcher = createDispatcher(handlers, { onInternalError: (channel, error) => logged.push([channel, error]) });
    const outcome = await dispatcher.dispatch('agw:apps.revealSecret', [{ app: 'demo_caller_app', appKey: '204000001' }]);
    expect(outcome).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_ERROR_MESSAGE } });
    expect(JSON.stringify(outcome)).not.toContain('s3cr3t');
    expect(logged).toHaveLength(1);
  });
});
