import { describe, expect, it } from 'vitest';
import { CALLS, type CallOutcome, type ProjectState } from '../../shared/ipc/contract';
import { type HostHandlers, createDispatcher } from '../../host/base/dispatch';
import { type ContractDispatcher, type GuardedInvokeEvent, type IpcMainLike, type SenderFrame, guardedHandler, registerContract } from './ipc-guard';

type Listener = (event: GuardedInvokeEvent, ...args: unknown[]) => Promise<CallOutcome>;

/** ipcMain as far as the guard touches it: a table of handlers the test invokes. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc = {
    handle(channel: string, listener: Listener) {
      handlers.set(channel, listener);
    },
    on() {
      throw new Error('the guard must not add generic listeners');
    },
  };
  const invoke = (channel: string, event: GuardedInvokeEvent, ...args: unknown[]) => {
    const listener = handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, ...args);
  };
  return { ipc, handlers, invoke };
}

/** The real dispatcher over one real handler, counting what reaches it. */
function countingDispatcher() {
  const opened: unknown[][] = [];
  const handlers = {
    'agw:project.open': async (path: string): Promise<ProjectState> => {
      opened.push([path]);
      return { path, fileName: 'x.apigw.yaml', problems: [], revision: 'r1', demo: false };
    },
  } as unknown as HostHandlers;
  const real = createDispatcher(handlers);
  const calls: { channel: string; rawArgs: unknown }[] = [];
  const dispatcher: ContractDispatcher = {
    dispatch(channel, rawArgs) {
      calls.push({ channel, rawArgs });
      return real.dispatch(channel, rawArgs);
    },
  };
  return { dispatcher, calls, opened };
}

function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  return { url, parent };
}

function eventFrom(senderFrame: SenderFrame | null, mainFrame: SenderFrame | null = senderFrame): GuardedInvokeEvent {
  return { senderFrame, sender: { mainFrame } };
}

const appMain = frame('app://studio/index.html');

function setUp() {
  const fake = fakeIpcMain();
  const counting = countingDispatcher();
  const logs: string[] = [];
  registerContract(fake.ipc as unknown as IpcMainLike, counting.dispatcher, { log: (message) => logs.push(message) });
  return { ...fake, ...counting, logs };
}

describe('registerContract', () => {
  it('registers exactly the contract channels', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('accepts the app://studio main frame and passes the parsed arguments', async () => {
    const { invoke, calls, opened } = setUp();
    const outcome = await invoke('agw:project.open', eventFrom(appMain), '/work/x.apigw.yaml');
    expect(outcome).toMatchObject({ ok: true, result: { path: '/work/x.apigw.yaml' } });
    expect(calls).toEqual([{ channel: 'agw:project.open', rawArgs: ['/work/x.apigw.yaml'] }]);
    expect(opened).toEqual([['/work/x.apigw.yaml']]);
  });

  it('takes the main frame by identity or by having no parent: either one alone is enough', async () => {
    const { invoke, calls } = setUp();
    // Another wrapper object of the same top-level frame (no parent), and the main frame itself however its parent reads.
    await invoke('agw:project.open', eventFrom(frame('app://studio/index.html'), frame('app://studio/index.html')), '/a.apigw.yaml');
    const withParent = frame('app://studio/index.html', appMain);
    await invoke('agw:project.open', eventFrom(withParent, withParent), '/b.apigw.yaml');
    expect(calls.map((call) => call.rawArgs)).toEqual([['/a.apigw.yaml'], ['/b.apigw.yaml']]);
  });

  it('leaves schema checks to the dispatcher: wrong arguments come back as BAD_REQUEST, not as a call', async () => {
    const { invoke, opened } = setUp();
    const outcome = await invoke('agw:project.open', eventFrom(appMain), 42);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(opened).toEqual([]);
  });

  const refusals: [string, GuardedInvokeEvent, RegExp][] = [
    ['a foreign origin', eventFrom(frame('https://evil.example/')), /origin is not the app's \(https:\/\/evil\.example\)/],
    ['a look-alike app host', eventFrom(frame('app://studio.evil/index.html')), /origin/],
    ['a file:// page', eventFrom(frame('file:///tmp/index.html')), /origin/],
    ['a subframe of the app', eventFrom(frame('app://studio/frame.html', appMain), appMain), /subframe/],
    ['a missing sender frame', eventFrom(null, appMain), /frame is gone/],
  ];
  for (const [what, event, reason] of refusals) {
    it(`refuses ${what} without calling the dispatcher, and logs no arguments`, async () => {
      const { invoke, calls, logs } = setUp();
      await expect(invoke('agw:project.open', event, '/home/me/secret-path.apigw.yaml')).rejects.toThrow(/^Refused: /);
      await expect(invoke('agw:project.open', event, '/x')).rejects.toThrow(reason);
      expect(calls).toEqual([]);
      expect(logs).toHaveLength(2);
      expect(logs.join('\n')).not.toContain('secret-path');
    });
  }

  it('refuses a channel outside the contract before looking at anything else', async () => {
    const { dispatcher, calls } = countingDispatcher();
    const logs: string[] = [];
    for (const channel of ['agw:evil.run', 'evil:project.open', 'project.open', 'agw:__proto__']) {
      const handler = guardedHandler(channel, dispatcher, { log: (message) => logs.push(message) });
      await expect(handler(eventFrom(appMain), 'x')).rejects.toThrow('Refused: not a channel of the contract');
    }
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(4);
    // Nothing answers a channel that was never registered.
    const { invoke } = setUp();
    await expect(invoke('agw:evil.run', eventFrom(appMain))).rejects.toThrow(/No handler/);
  });

  it('uses the trust rule it is given for the main frame', async () => {
    const fake = fakeIpcMain();
    const { dispatcher, calls } = countingDispatcher();
    registerContract(fake.ipc as unknown as IpcMainLike, dispatcher, { isTrustedSender: () => false, log: () => {} });
    await expect(fake.invoke('agw:project.open', eventFrom(appMain), '/x')).rejects.toThrow(/Refused/);
    expect(calls).toEqual([]);
  });

  it('locks ipcMain afterwards: no generic listener or second handler can be added', () => {
    const { ipc } = setUp();
    const locked = ipc as unknown as Record<string, (channel: string, listener: () => void) => void>;
    for (const method of ['on', 'once', 'addListener', 'prependListener', 'handle', 'handleOnce']) {
      expect(() => locked[method]('anything', () => {}), method).toThrow(/Refused: ipcMain\.\w+\("anything"\).*contract\.ts/);
    }
  });
});
