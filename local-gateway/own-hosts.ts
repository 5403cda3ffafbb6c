/**
 * The Host headers that name the gateway itself rather than a group's domain: `127.0.0.1`,
 * `localhost` and `[::1]` on the port it listens on, plus the address it is bound to (each
 * interface's address when it is bound to all of them). These are how the debugger, the
 * quickstart and a person with curl reach a one-group project.
 *
 * Any other name is refused (I404DO) rather than served, as the cloud refuses a Host that is not
 * bound to a group (docs/local-gateway.md, "Groups and hosts"). That is what keeps a web page
 * out: through DNS rebinding a page at `evil.example` can make the browser connect to 127.0.0.1,
 * but the browser still sends `Host: evil.example`.
 *
 * Computed once when the gateway starts listening (the port is known then and never changes), so
 * a call costs one Set lookup.
 */
import { networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]', '']);
/** A client leaves the port out of Host when it is the scheme's default; the gateway speaks plain HTTP. */
const HTTP_DEFAULT_PORT = 80;

/** Lower-case Host header values (`127.0.0.1:8080`, and `127.0.0.1` when the port is 80). */
export function ownHostsOf(boundHost: string, port: number): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const bound = boundHost.toLowerCase();
  if (ALL_INTERFACES.has(bound)) {
    for (const addresses of Object.values(networkInterfaces())) for (const { address } of addresses ?? []) names.add(asHostName(address));
  } else {
    names.add(asHostName(bound));
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === HTTP_DEFAULT_PORT) hosts.add(name);
  }
  return hosts;
}

/** IPv6 addresses appear in Host in brackets (`[::1]:8080`). */
function asHostName(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address.toLowerCase()}]` : address.toLowerCase();
}
