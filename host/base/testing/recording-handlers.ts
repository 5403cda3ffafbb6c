/** Handlers for transport tests: every channel answers `{ channel, args }` and records the call. */
import { CALLS, type CallChannel } from '../../../shared/ipc/contract';
import type { HostHandlers } from '../dispatch';

export interface RecordingHandlers {
  handlers: HostHandlers;
  calls: { channel: CallChannel; args: unknown[] }[];
}

export function recordingHandlers(overrides: Partial<Record<CallChannel, (...args: unknown[]) => Promise<unknown>>> = {}): RecordingHandlers {
  const calls: RecordingHandlers['calls'] = [];
  const handlers = Object.fromEntries(
    (Object.keys(CALLS) as CallChannel[]).map((channel) => [
      channel,
      async (...args: unknown[]) => {
        calls.push({ channel, args });
        return overrides[channel] ? overrides[channel](...args) : { channel, args };
      },
    ]),
  ) as unknown as HostHandlers;
  return { handlers, calls };
}
