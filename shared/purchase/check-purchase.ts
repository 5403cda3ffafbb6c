/**
 * Every rule a purchase of a dedicated gateway must pass, in one pure function. The wizard shows
 * its findings live and refuses to submit while one is a blocker; the offline cloud runs the same
 * function on CreateInstance, so no client can get past it.
 */
import { checkBilling, checkDescription, checkHttpsPolicy, checkMaintenance, checkName } from './attributes';
import { EDITIONS, formatCount } from './editions';
import { type Finding, blocker, info, warning } from './findings';
import { checkInstanceCidr, checkSecurityGroup, checkSubnet, checkWebPorts, tooSmall } from './network';
import { chosenSpec } from './spec-choice';
import type { PurchaseContext, PurchaseRequest, VSwitchInfo } from './types';

/**
 * Dedicated instances per region and account unless the account's quota was raised: Huawei APIG's
 * default, since Alibaba's sources give none (not confirmed: docs/alibaba-openapi.md,
 * "Dedicated instances").
 */
export const DEFAULT_INSTANCE_QUOTA = 5;

export function checkPurchase(request: PurchaseRequest, context: PurchaseContext): Finding[] {
  const findings: Finding[] = [];
  const label = request.name ? `gateway "${request.name}"` : 'the gateway';

  findings.push(...checkName(request.name, label), ...checkDescription(request.description, label));

  const spec = chosenSpec(request, findings);
  const edition = spec && EDITIONS[spec.edition];
  if (spec && edition) {
    findings.push(
      info(
        'EDITION_CAPACITY',
        'edition',
        `The ${edition.label.toLowerCase()} edition (${spec.id}) serves up to ${formatCount(spec.maxRps)} requests per second and ${formatCount(spec.maxConnections)} connections, with an SLA of ${spec.sla}.`,
      ),
    );
  }

  checkQuota(context, findings);

  // Zones, VPC, subnets.
  const zones = [...new Set(request.zones)];
  if (zones.length === 0) {
    findings.push(blocker('ZONES_MISSING', 'zones', `Choose at least one zone in ${context.region} for the gateway; two or more keep it up when a zone fails.`));
  } else if (zones.length === 1) {
    findings.push(warning('SINGLE_ZONE', 'zones', `The gateway will run in zone ${zones[0]} only and stops if that zone fails; choose two or more zones for availability.`));
  }
  for (const zone of zones.filter((candidate) => !context.zones.includes(candidate))) {
    findings.push(blocker('ZONE_UNAVAILABLE', 'zones', `Dedicated gateways cannot be placed in zone ${zone}; choose among ${context.zones.join(', ') || '(no zones offered in this region)'}.`));
  }

  const vpc = context.vpcs.find((candidate) => candidate.id === request.vpcId);
  if (!request.vpcId) findings.push(blocker('VPC_MISSING', 'vpc', `Choose the VPC the gateway joins in ${context.region}.`));
  else if (!vpc) findings.push(blocker('VPC_NOT_FOUND', 'vpc', `VPC ${request.vpcId} does not exist in region ${context.region}; choose one of ${context.vpcs.map((item) => item.id).join(', ') || '(none)'}.`));

  const usable: VSwitchInfo[] = [];
  for (const zone of zones) {
    const vSwitch = checkSubnet(zone, request.subnets[zone], request.vpcId, context, findings);
    if (vSwitch) usable.push(vSwitch);
  }
  if (edition) {
    const need = edition.ipsPerSubnet;
    const name = edition.label.toLowerCase();
    for (const vSwitch of usable.filter((candidate) => candidate.availableIpCount < need)) {
      findings.push(
        tooSmall(vSwitch.zoneId, vSwitch, `the ${name} edition needs ${need} in each subnet`, `Choose a vSwitch with at least ${need} free IPs in zone ${vSwitch.zoneId}, or a smaller edition.`),
      );
    }
    if (zones.length > 0) {
      const subnets = zones.length === 1 ? '1 subnet' : `each of ${zones.length} subnets (${need * zones.length} in all)`;
      findings.push(info('IPS_NEEDED', 'subnets', `The ${name} edition needs ${need} free private IPs in ${subnets}.`));
    }
  }
  findings.push(...checkInstanceCidr(request.instanceCidr, vpc));

  // The security group; ports 80 and 443 only matter where API groups will take Internet calls.
  const group = checkSecurityGroup(request.securityGroupId, request.vpcId, context, findings);
  if (request.publicGroups && group) findings.push(...checkWebPorts(group));
  const outbound = spec ? ` Its outbound Internet bandwidth comes with the spec: up to ${formatCount(spec.maxOutboundBandwidthMbps)} Mbit/s for ${spec.id}.` : '';
  findings.push(
    info(
      'INTERNET_PER_GROUP',
      'internet',
      `Alibaba Cloud sells no EIP or bandwidth with a dedicated gateway: Internet access is switched on or off per API group (the Groups screen; sync sends ModifyApiGroupNetworkPolicy).${outbound}`,
    ),
  );

  findings.push(...checkMaintenance(request.maintenance, 'explain'), ...checkHttpsPolicy(request.httpsPolicy), ...checkBilling(request.billing));
  return findings;
}

function checkQuota(context: PurchaseContext, findings: Finding[]): void {
  const quota = context.quota ?? DEFAULT_INSTANCE_QUOTA;
  const count = context.instanceCount;
  if (count >= quota) {
    findings.push(
      blocker(
        'QUOTA_REACHED',
        'quota',
        `The account already has ${count} dedicated gateways in ${context.region}; the quota is ${quota} per region. Delete one you no longer need, or ask Alibaba Cloud to raise the quota (Quota Center or a support ticket).`,
      ),
    );
  } else {
    findings.push(info('QUOTA_REMAINING', 'quota', `This will be dedicated gateway ${count + 1} of ${quota} allowed in ${context.region}.`));
  }
}
