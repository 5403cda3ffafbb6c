/**
 * Plan lines for a group's Internet access (Group.network, docs/sync.md "Internet access"): an
 * update of the group, sent with ModifyApiGroupNetworkPolicy once the group exists.
 *
 * No CloudAPI read reports InternetEnable (not DescribeApiGroup, not DescribeApiGroups: none of
 * their response models has the field), so the cloud side is what sync last set: recorded as the
 * fingerprint `network:<group>`. A line is planned when the design's setting differs from that
 * record, or the group is new to the cloud; a change made outside sync is not seen.
 */
import type { Group } from '../model/schema';
import { fingerprint } from './fingerprint';
import type { PlanBuilder } from './plan-builder';
import type { PlanContext } from './plan-context';
import { PHASE } from './plan-types';

/** The fingerprint key under which sync records the network policy it set for `group`. */
export function networkKey(group: string): string {
  return `network:${group}`;
}

export function planGroupNetwork(context: PlanContext, builder: PlanBuilder): void {
  for (const match of context.matches.group) {
    const network = match.design?.network;
    if (!network || match.status === 'conflict' || match.status === 'orphan') continue;
    const key = networkKey(match.key);
    const value = fingerprint(network);
    builder.fingerprints[key] = value;
    const fresh = match.status === 'new' || match.status === 'gone';
    const recorded = fresh ? undefined : context.ids.fingerprints?.[key];
    if (recorded === value) continue;
    builder.add({
      op: 'update',
      kind: 'group',
      name: match.key,
      phase: PHASE.groupNetwork,
      ref: { group: match.key, setting: 'network' },
      ...(match.cloud && !fresh ? { id: match.cloud.id } : {}),
      fields: [{ path: 'network.internet', ...fromRecord(recorded, network), to: network.internet }],
      fingerprint: { key, value },
      reason: reasonFor(fresh, recorded),
    });
  }
}

/** The value sync last set, when the record says which (it holds a fingerprint of one of two values). */
function fromRecord(recorded: string | undefined, network: NonNullable<Group['network']>): { from?: boolean } {
  return recorded !== undefined && recorded === fingerprint({ internet: !network.internet }) ? { from: !network.internet } : {};
}

function reasonFor(fresh: boolean, recorded: string | undefined): string {
  if (fresh) return "the group's Internet access, set once the group exists (ModifyApiGroupNetworkPolicy)";
  if (recorded === undefined) return "the design sets the group's Internet access; the cloud does not report it, so sync sets it (ModifyApiGroupNetworkPolicy)";
  return "the group's Internet access changed in the design since the last sync (ModifyApiGroupNetworkPolicy)";
}
