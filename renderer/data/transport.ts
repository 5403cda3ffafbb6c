/**
 * How the UI reaches the host: the Electron preload's `window.agw` when it exists, else the same
 * contract over HTTP (browser mode): POST /api/call/<channel> with the launch token in a header,
 * and events over Server-Sent Events. The rest of the UI cannot tell which one it has.
 */
import { buildHostApi, callWire } from '../../shared/ipc/contract';
import type { CallChannel, CallOutcome, EventChannel, HostApi, WireApi } from '../../shared/ipc/contract';
import { HostError } from './host-error';
import { splitFragment } from './routes';

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

/** Where the page keeps the token for its tab: it survives a reload, and no request carries it but ours. */
const TOKEN_KEY = 'agw-token';

function httpHost(): HostApi {
  const token = takeToken();
  const events = new EventStream(token);
  return buildHostApi(
    (channel, args) => call(channel, args, token),
    (channel, listener) => events.subscribe(channel, listener),
  );
}

/**
 * The token from the `#token=` of the URL the host printed (moved into session storage, and the
 * address bar cleaned so it stays in no history entry or screenshot), else the one this tab kept.
 * A route in the same fragment (`#/apis?token=…`) stays in the address: it names the screen.
 */
function takeToken(): string | undefined {
  const { path, params } = splitFragment(window.location.hash);
  const fromUrl = params.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${path ? `#${path}` : ''}`);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

function noSession(): HostError {
  return new HostError({
    code: 'NO_SESSION',
    message: 'This page has no access token for the API Gateway Studio host. Open the Console URL that `apigw-studio ui` printed (it ends in #token=…).',
  });
}

async function call(channel: CallChannel, args: unknown[], token: string | undefined): Promise<unknown> {
  if (!token) throw noSession();
  let response: Response;
  try {
    response = await fetch(`/api/call/${channel}`, {
      method: 'POST',
      credentials: 'omit',
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

const RECONNECT_MS = 2000;

/**
 * One stream of Server-Sent Events for every event channel, opened on the first subscription. It
 * is read with fetch rather than EventSource, which cannot send the token header; it reconnects
 * when the host goes away and comes back.
 */
class EventStream {
  private readonly listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  private started = false;

  constructor(private readonly token: string | undefined) {}

  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    if (!this.started && this.token) {
      this.started = true;
      void this.follow(this.token);
    }
    return () => set.delete(listener);
  }

  private async follow(token: string): Promise<void> {
    for (;;) {
      try {
        const response = await fetch('/api/events', { credentials: 'omit', cache: 'no-store', headers: { Accept: 'text/event-stream', 'X-Agw-Token': token } });
        // A refused token stays refused (another launch): calls report why; events simply stop.
        if (response.status === 403) return;
        if (response.ok && response.body) await this.read(response.body);
      } catch {
        // The host is gone for now (stopped, restarting): try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = dataOf(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (data !== undefined) this.deliver(data);
      }
    }
  }

  private deliver(data: string): void {
    let event: { channel?: EventChannel; payload?: unknown };
    try {
      event = JSON.parse(data) as typeof event;
    } catch {
      return;
    }
    if (!event.channel) return;
    for (const listener of [...(this.listeners.get(event.channel) ?? [])]) listener(event.payload);
  }
}

/** The `data:` lines of one event-stream frame, joined; undefined for a comment or `retry:` frame. */
export function dataOf(frame: string): string | undefined {
  const lines = frame.split('\n').filter((line) => line.startsWith('data:'));
  return lines.length === 0 ? undefined : lines.map((line) => line.slice(line.startsWith('data: ') ? 6 : 5)).join('\n');
}
