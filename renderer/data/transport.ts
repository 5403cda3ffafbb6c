/**
 * How the UI reaches the host: the Electron preload's `window.agw` when it exists, else the same
 * contract over HTTP (browser mode): POST /api/call/<channel> with the launch token, and events
 * over Server-Sent Events. The rest of the UI cannot tell which one it has.
 */
import { buildHostApi, callWire } from '../../shared/ipc/contract';
import type { CallChannel, CallOutcome, EventChannel, HostApi, WireApi } from '../../shared/ipc/contract';
import { HostError } from './host-error';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in a browser. */
    agw?: WireApi;
  }
}

export function getHost(): HostApi {
  return window.agw ? preloadHost(window.agw) : httpHost();
}

/** The desktop app: the preload hands back CallOutcomes (errors would lose their code crossing the bridge). */
function preloadHost(wire: WireApi): HostApi {
  return buildHostApi(
    async (channel, args) => unwrap(await callWire(wire, channel, args)),
    (channel, listener) => wire.on(channel, listener as never),
  );
}

function unwrap(outcome: CallOutcome): unknown {
  if (!outcome.ok) throw new HostError(outcome.error);
  return outcome.result;
}

function httpHost(): HostApi {
  let token: Promise<string> | undefined;
  const sessionToken = () => (token ??= readToken().catch((error: unknown) => {
    token = undefined; // a later call may succeed once the host is back
    throw error;
  }));
  const events = new EventStream(sessionToken);
  return buildHostApi(
    async (channel, args) => call(channel, args, await sessionToken()),
    (channel, listener) => events.subscribe(channel, listener),
  );
}

/** The token from `?token=` of the URL the host printed, else the session the host's cookie authenticates. */
async function readToken(): Promise<string> {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) return fromUrl;
  const response = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as { token?: unknown } | undefined;
  if (!response.ok || typeof body?.token !== 'string') {
    throw new HostError({
      code: 'NO_SESSION',
      message: 'This page has no access token for the API Gateway Studio host. Open the Console URL that `apigw-studio ui` printed (it ends in ?token=…).',
    });
  }
  return body.token;
}

async function call(channel: CallChannel, args: unknown[], token: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/call/${channel}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Agw-Token': token },
      body: JSON.stringify(args),
    });
  } catch (error) {
    throw new HostError({
      code: 'UNREACHABLE',
      message: `Could not reach the API Gateway Studio host for ${channel} (${(error as Error).message}). Is \`apigw-studio ui\` still running?`,
    });
  }
  const outcome = (await response.json().catch(() => undefined)) as CallOutcome | undefined;
  if (!outcome || typeof outcome.ok !== 'boolean') {
    throw new HostError({ code: 'BAD_RESPONSE', message: `The host answered ${channel} with HTTP ${response.status} and no result. Restart \`apigw-studio ui\` and reload the page.` });
  }
  return unwrap(outcome);
}

/** One EventSource for every event channel, opened on the first subscription. */
class EventStream {
  private readonly listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  private source: EventSource | undefined;
  private opening = false;

  constructor(private readonly token: () => Promise<string>) {}

  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    void this.open();
    return () => set.delete(listener);
  }

  private async open(): Promise<void> {
    if (this.source || this.opening) return;
    this.opening = true;
    try {
      const token = await this.token();
      // EventSource cannot send headers, so the token rides in the query of this one URL.
      this.source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      this.source.onmessage = (message) => this.deliver(message.data);
    } catch {
      // No token: calls report the reason; events simply do not arrive.
    } finally {
      this.opening = false;
    }
  }

  private deliver(data: unknown): void {
    let event: { channel?: EventChannel; payload?: unknown };
    try {
      event = JSON.parse(String(data)) as typeof event;
    } catch {
      return;
    }
    if (!event.channel) return;
    for (const listener of [...(this.listeners.get(event.channel) ?? [])]) listener(event.payload);
  }
}
