/** The host's events (the contract's Events) on their way to every transport: IPC or Server-Sent Events. */
import type { EventChannel, Events } from '../../shared/ipc/contract';

/** One event as a transport sends it. */
export type HostEvent = { [E in EventChannel]: { channel: E; payload: Events[E] } }[EventChannel];

type AnyListener = (event: HostEvent) => void;

export class HostEvents {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventChannel>(channel: E, payload: Events[E]): void {
    const event = { channel, payload } as HostEvent;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber (a closed window, a dropped stream) must not keep the event from the others.
        process.stderr.write(`apigw-studio: an event listener for ${channel} failed: ${(error as Error).message}\n`);
      }
    }
  }

  /** Every event; returns the unsubscribe function. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventChannel>(channel: E, listener: (payload: Events[E]) => void): () => void {
    return this.onAny((event) => {
      if (event.channel === channel) listener(event.payload as Events[E]);
    });
  }
}
