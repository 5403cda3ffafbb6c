/**
 * CloudAPI's DescribeZones answers multi-zone ids whose letters name single zones
 * (`cn-hangzhou-MAZ2(j,g)` → `cn-hangzhou-j`, `cn-hangzhou-g`; docs/alibaba-openapi.md,
 * "Regions and zones"); vSwitches and the purchase checks use single zones.
 */

const MULTI_ZONE = /^(.+)-MAZ\d+\(([a-z0-9,\s]+)\)$/i;

/** The single zones a CloudAPI zone id stands for; a single zone id stands for itself. */
export function singleZonesOf(zoneId: string): string[] {
  const match = MULTI_ZONE.exec(zoneId);
  if (!match) return [zoneId];
  return match[2]
    .split(',')
    .map((letter) => letter.trim())
    .filter(Boolean)
    .map((letter) => `${match[1]}-${letter}`);
}

/** Every single zone of a DescribeZones answer, once each, in order. */
export function singleZonesOfAll(zoneIds: readonly string[]): string[] {
  return [...new Set(zoneIds.flatMap(singleZonesOf))];
}
