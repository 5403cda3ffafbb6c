/**
 * Which Host reaches which group on the local gateway: the one place of this rule, read by the
 * gateway (local-gateway/server.ts, runtime.ts), the debugger and the console's screens
 * (docs/local-gateway.md, "Groups and hosts").
 *
 * - Every group answers on `<label>.localhost` on the gateway's port, where the label is the
 *   group's name as a DNS label (`orders_service` → `orders-service.localhost`).
 * - The gateway's own address (`127.0.0.1`, `localhost`, `[::1]` on its port: which Hosts those are
 *   is local-gateway/own-hosts.ts) answers for the project's default group
 *   (`localGateway.defaultGroup` in the design file), or for its only group when it has one.
 *   Otherwise it answers `I404DO`, like any Host that names no group.
 */

import { basePathPrefix } from '../model/base-path';

/** What every group's local host name ends with; curl and browsers resolve `*.localhost` to this machine. */
export const LOCAL_GROUP_SUFFIX = '.localhost';

/** The group's name as a DNS label: lower case; anything but letters, digits and `-` becomes `-`; no `-` at either end. */
export function groupHostLabel(groupName: string): string {
  return groupName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'group';
}

/** The Host header that picks the group: `<label>.localhost:<port>`. */
export function localGroupHost(groupName: string, port: number): string {
  return `${groupHostLabel(groupName)}${LOCAL_GROUP_SUFFIX}:${port}`;
}

/** The URL people call a group at: `http://<label>.localhost:<port>` and the group's BasePath, which every API path of the group follows. */
export function localGroupUrl(groupName: string, basePath: string, port: number | string): string {
  return `http://${groupHostLabel(groupName)}${LOCAL_GROUP_SUFFIX}:${port}${basePathPrefix(basePath)}`;
}

/** The label a `<label>.localhost` host name (without its port, lower case) asks for; undefined for any other name. */
export function groupLabelOfHost(hostName: string): string | undefined {
  return hostName.endsWith(LOCAL_GROUP_SUFFIX) ? hostName.slice(0, -LOCAL_GROUP_SUFFIX.length) : undefined;
}

/** Why a call to the gateway's own address reached a group; the access log says it (`groupBy`). */
export type OwnAddressReason = 'default-group' | 'only-group';

export interface OwnAddressGroup {
  group: string;
  by: OwnAddressReason;
}

/**
 * The group that answers on the gateway's own address: the default group when it names a group of
 * the project, else the only group of a one-group project, else none.
 */
export function ownAddressGroup(groupNames: readonly string[], defaultGroup: string | undefined): OwnAddressGroup | undefined {
  if (defaultGroup !== undefined && groupNames.includes(defaultGroup)) return { group: defaultGroup, by: 'default-group' };
  if (groupNames.length === 1) return { group: groupNames[0], by: 'only-group' };
  return undefined;
}

/** What the console says of an OwnAddressReason. */
export const OWN_ADDRESS_REASONS: Record<OwnAddressReason, string> = {
  'default-group': "the project's default group (localGateway.defaultGroup)",
  'only-group': "the project's only group",
};
