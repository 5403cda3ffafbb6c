/** How `apigw-studio gateway` shows findings, the gateway list and one gateway, as text. */
import type { InstanceView, InstancesView } from '../../shared/ipc/instance-views';
import { type Finding, specById, specLabel } from '../../shared/purchase';
import { plural } from './cli-io';

const LEVEL: Record<Finding['level'], string> = { blocker: 'BLOCKER', warning: 'warning', info: 'info' };

/** One line per finding, `LEVEL  field  message`, blockers first; then the count. */
export function findingLines(findings: readonly Finding[]): string[] {
  const order: Finding['level'][] = ['blocker', 'warning', 'info'];
  const sorted = [...findings].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  const width = Math.max(0, ...sorted.map((finding) => finding.field.length));
  const lines = sorted.map((finding) => `${LEVEL[finding.level].padEnd(7)}  ${finding.field.padEnd(width)}  ${finding.message}`);
  const count = (level: Finding['level']) => findings.filter((finding) => finding.level === level).length;
  lines.push(`${plural(count('blocker'), 'blocker')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}.`);
  return lines;
}

function zonesOf(instance: InstanceView): string {
  const zones = Object.keys(instance.subnets);
  return zones.length > 0 ? zones.join(',') : '-';
}

function specOf(instance: InstanceView): string {
  return instance.spec ? specLabel(instance.spec) : instance.instanceType === 'VPC_SHARED' ? 'shared' : '-';
}

export function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

export function listLines(view: InstancesView): string[] {
  const rows = [['ID', 'NAME', 'SPEC', 'STATUS', 'ZONES', 'GROUPS']];
  for (const instance of view.instances) {
    rows.push([instance.instanceId, instance.name, specOf(instance), instance.status ?? '-', zonesOf(instance), String(instance.groups.length)]);
  }
  const lines = table(rows);
  lines.push('', `${view.quota.used} of ${view.quota.limit} dedicated gateways allowed in ${view.region}.`);
  const underWay = view.purchases.filter((purchase) => purchase.state !== 'running');
  for (const purchase of underWay) lines.push(`Purchase ${purchase.token} (${purchase.name}): ${purchase.state}: ${purchase.message}`);
  return lines;
}

export function showLines(view: InstanceView): string[] {
  const spec = specById(view.spec);
  const rows: [string, string | undefined][] = [
    ['Region', view.region],
    ['Status', view.status],
    ['Type', view.instanceType],
    ['Spec', specOf(view)],
    ['Description', view.description],
    ['VPC', view.vpcId || undefined],
    ['Subnets', Object.entries(view.subnets).map(([zone, vSwitch]) => `${zone}=${vSwitch}`).join(', ') || undefined],
    ['Security group', view.securityGroupId || undefined],
    // Alibaba Cloud's instances have no EIP or bandwidth setting (docs/gateways.md): say where these things are instead.
    ['Internet access', view.instanceType === 'VPC_DEDICATED' ? 'per API group (the Groups screen; sync sends ModifyApiGroupNetworkPolicy)' : undefined],
    ['Outbound IP', view.internetEgressAddress],
    ['Outbound limit', spec ? `${spec.maxOutboundBandwidthMbps} Mbit/s (the spec's)` : undefined],
    ['Maintenance', view.maintenance ? `${view.maintenance.start}-${view.maintenance.end} (UTC)` : undefined],
    ['HTTPS policy', view.httpsPolicy],
    ['Billing', view.chargeType],
    ['Created', view.createdTime],
    ['API groups', view.groups.length > 0 ? view.groups.map((group) => `${group.name} (${group.id})`).join(', ') : 'none'],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
  const width = Math.max(...shown.map(([label]) => label.length)) + 1;
  return [`Gateway ${view.name} (${view.instanceId})`, ...shown.map(([label, value]) => `  ${`${label}:`.padEnd(width)}  ${value}`)];
}
