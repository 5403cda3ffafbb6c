/**
 * Who may talk to browser mode: only pages served by this host, on this port. The Host header
 * must name 127.0.0.1 or localhost with our port (a DNS-rebinding page would send its own name),
 * and an Origin, when sent, must be ours (another site's page may send requests to 127.0.0.1).
 */
import type { IncomingMessage } from 'node:http';
import { loopbackHosts } from '../../shared/node/loopback-guard';

/** Why the request is refused, or undefined when Host and Origin are ours. */
export function hostOrOriginProblem(req: IncomingMessage, port: number): string | undefined {
  const hosts = loopbackHosts(port);
  if (!hosts.includes(req.headers.host ?? '')) return 'wrong Host header';
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`)) return 'foreign Origin';
  return undefined;
}
