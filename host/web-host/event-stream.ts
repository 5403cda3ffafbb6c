/** Server-Sent Events: every host event to every open console page, with keep-alive comments. */
import type { ServerResponse } from 'node:http';
import type { HostEvents } from '../base/host-events';

export interface EventStreams {
  /** Turns `res` into a stream of events until the client goes away or close() is called. */
  attach(res: ServerResponse): void;
  close(): void;
}

export function eventStreams(events: HostEvents, keepAliveMs: number): EventStreams {
  const open = new Set<ServerResponse>();
  return {
    attach(res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        // Proxies and some browsers buffer a stream unless told not to.
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n: connected\n\n');
      const unsubscribe = events.onAny((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
      open.add(res);
      res.on('close', () => {
        unsubscribe();
        clearInterval(keepAlive);
        open.delete(res);
      });
    },
    close() {
      for (const res of open) res.end();
    },
  };
}
