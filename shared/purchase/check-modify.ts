/**
 * Rules for changing a gateway that exists: the same attribute rules as a purchase, plus what
 * only a change has. Only what the change touches is checked. What can change is what
 * ModifyInstanceAttribute and ModifyInstanceSpec take (docs/gateways.md); the network a gateway
 * was bought with (VPC, vSwitches, security group) stays.
 *
 * - The VPC of a gateway never changes (a blocker if the change names another one).
 * - Changes need the gateway RUNNING.
 * - A larger edition needs the difference in free IPs per subnet (new edition's need minus the
 *   current one's, e.g. professional 5 → enterprise 6: 1 more) in EACH subnet the gateway already
 *   uses; specs within one edition (platinum x2 … x6) need none. Subnets are not changed by a
 *   spec change.
 * - A smaller spec is allowed with a warning that lists the limits that drop; it frees the
 *   difference in IPs.
 */
import { checkDescription, checkHttpsPolicy, checkMaintenance, checkName } from './attributes';
import { EDITIONS, type InstanceSpec, formatCount, specById, specRank } from './editions';
import { type Finding, blocker, info, warning } from './findings';
import { tooSmall, vSwitchLabel } from './network';
import { chosenSpec } from './spec-choice';
import type { ExistingInstance, InstanceChange, NetworkContext } from './types';

export function checkModify(instance: ExistingInstance, change: InstanceChange, context: NetworkContext): Finding[] {
  const findings: Finding[] = [];
  const label = `gateway ${instance.instanceId} ("${instance.name}")`;

  if (instance.status !== undefined && instance.status !== 'RUNNING') {
    findings.push(blocker('INSTANCE_BUSY', 'instance', `The ${label} is ${instance.status}; wait until it is RUNNING before changing it.`));
  }
  if (change.vpcId !== undefined && change.vpcId !== instance.vpcId) {
    findings.push(
      blocker(
        'VPC_IMMUTABLE',
        'vpc',
        `The VPC of the ${label} is ${instance.vpcId} and cannot change to ${change.vpcId}. Buy a new gateway in ${change.vpcId} and move the API groups to it.`,
      ),
    );
  }
  if (change.name !== undefined) findings.push(...checkName(change.name, label));
  if (change.description !== undefined) findings.push(...checkDescription(change.description, label));
  if (change.maintenance !== undefined) findings.push(...checkMaintenance(change.maintenance, 'silent'));
  if (change.httpsPolicy !== undefined) findings.push(...checkHttpsPolicy(change.httpsPolicy));

  const current = specById(instance.spec);
  const target = change.spec !== undefined || change.edition !== undefined ? chosenSpec(change, findings) : current;
  if (target && current && target !== current) checkSpecChange(instance, current, target, context, findings);
  else if (target && target === current && (change.spec !== undefined || change.edition !== undefined)) {
    findings.push(info('SPEC_UNCHANGED', 'edition', `The ${label} already has spec ${current.id}; nothing to change.`));
  }
  return findings;
}

function checkSpecChange(instance: ExistingInstance, current: InstanceSpec, target: InstanceSpec, context: NetworkContext, findings: Finding[]): void {
  const from = EDITIONS[current.edition];
  const to = EDITIONS[target.edition];
  const extra = to.ipsPerSubnet - from.ipsPerSubnet;
  const zones = Object.keys(instance.subnets);
  if (extra > 0) {
    const needSentence = `moving from the ${from.label.toLowerCase()} to the ${to.label.toLowerCase()} edition needs ${extra} more in each subnet (${to.ipsPerSubnet} instead of ${from.ipsPerSubnet})`;
    for (const zone of zones) {
      const vSwitchId = instance.subnets[zone];
      const vSwitch = context.vSwitches.find((candidate) => candidate.id === vSwitchId);
      if (!vSwitch) {
        findings.push(blocker('SUBNET_NOT_FOUND', `subnets.${zone}`, `vSwitch ${vSwitchId} of the gateway (zone ${zone}) is not in region ${context.region}'s vSwitch list, so the ${extra} more free IPs the new edition needs cannot be checked.`));
      } else if (vSwitch.availableIpCount < extra) {
        findings.push(tooSmall(zone, vSwitch, needSentence, `Free IPs in ${vSwitchLabel(vSwitch)} or choose a smaller spec.`));
      }
    }
    findings.push(info('SPEC_UPGRADE', 'edition', `Moving to ${target.id} needs ${extra} more free private IP${extra === 1 ? '' : 's'} in each of the gateway's ${zones.length} subnet${zones.length === 1 ? '' : 's'}.`));
  } else if (specRank(target.id) > specRank(current.id)) {
    findings.push(info('SPEC_UPGRADE', 'edition', `Moving to ${target.id} needs no more free IPs: it is in the same edition.`));
  }
  if (specRank(target.id) < specRank(current.id)) {
    const drops = limitDrops(current, target);
    const freed = -extra > 0 ? ` It frees ${-extra} IP${-extra === 1 ? '' : 's'} in each subnet.` : '';
    findings.push(warning('SPEC_DOWNGRADE', 'edition', `Moving from ${current.id} down to ${target.id} lowers the gateway's limits: ${drops}. Check that its traffic fits.${freed}`));
  }
}

function limitDrops(from: InstanceSpec, to: InstanceSpec): string {
  const rows: [string, number, number][] = [
    ['requests per second', from.maxRps, to.maxRps],
    ['connections', from.maxConnections, to.maxConnections],
    ['new connections per second', from.maxNewConnectionsPerSecond, to.maxNewConnectionsPerSecond],
    ['outbound connection pool', from.outboundConnectionPool, to.outboundConnectionPool],
    ['outbound bandwidth (Mbit/s)', from.maxOutboundBandwidthMbps, to.maxOutboundBandwidthMbps],
  ];
  const parts = rows.filter(([, before, after]) => after < before).map(([name, before, after]) => `${name} ${formatCount(before)} → ${formatCount(after)}`);
  if (from.sla !== to.sla) parts.push(`SLA ${from.sla} → ${to.sla}`);
  return parts.join(', ');
}
