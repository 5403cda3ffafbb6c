/**
 * The AppId of an app on the local gateway (CaAppId, IP-control and throttling keys): the cloud
 * assigns numeric ids, the project names apps, so a stable number is derived from the name
 * (GATEWAY_CHOICES.localAppIdDerivation). Local only: it is not the app's id in the cloud.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A 10-digit decimal id, the same for the same name on every run and machine. */
export function localAppId(appName: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < appName.length; i++) {
    hash ^= appName.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return String(1_000_000_000 + hash);
}
