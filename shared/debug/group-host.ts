/**
 * The Host header that picks a group on the local gateway: `<label>.localhost:<port>`, where the
 * label is the group's name as a DNS label. The local gateway serves groups by this same function.
 */

/** Lower case; anything but letters, digits and `-` becomes `-`; no `-` at either end. */
export function groupHostLabel(groupName: string): string {
  return groupName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'group';
}

export function localGroupHost(groupName: string, port: number): string {
  return `${groupHostLabel(groupName)}.localhost:${port}`;
}
