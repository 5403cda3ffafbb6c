/**
 * Dedicated gateway editions and the instance specs behind them, with each spec's limits
 * (docs/alibaba-openapi.md, "Instance specifications"). The cloud sells specs; people choose an
 * edition. Free private IPs per subnet: 3, 5, 6 and 7, Huawei APIG's published needs per edition,
 * since Alibaba's sources give none (not confirmed for Alibaba: docs/alibaba-openapi.md,
 * "Dedicated instances").
 */

export type InstanceSpecId =
  | 'api.s1.small'
  | 'api.s1.medium'
  | 'api.s2.large'
  | 'api.s2.large.x2'
  | 'api.s2.large.x3'
  | 'api.s2.large.x4'
  | 'api.s2.large.x5'
  | 'api.s2.large.x6';

export type EditionId = 'basic' | 'professional' | 'enterprise' | 'platinum';

/** One row of the spec table: what an instance of this spec can carry. */
export interface InstanceSpec {
  id: InstanceSpecId;
  edition: EditionId;
  /** Maximum inbound requests per second. */
  maxRps: number;
  /** Maximum concurrent inbound connections. */
  maxConnections: number;
  /** Maximum new inbound connections per second (CPS). */
  maxNewConnectionsPerSecond: number;
  /** Outbound connection pool to backends; beyond it requests queue up to 500 ms, then fail with D504CO. */
  outboundConnectionPool: number;
  maxInboundBandwidthMbps: number;
  /** Upper bound of the public outbound bandwidth a buyer may choose. */
  maxOutboundBandwidthMbps: number;
  /** e.g. `99.95%`. */
  sla: string;
}

export interface Edition {
  id: EditionId;
  /** How a person calls it, e.g. `Professional`. */
  label: string;
  /** Smallest first; the first one is bought when only the edition is chosen. */
  specs: readonly InstanceSpecId[];
  /** Free private IPs the gateway takes in EACH subnet (vSwitch) it is placed in. */
  ipsPerSubnet: number;
}

const spec = (
  id: InstanceSpecId,
  edition: EditionId,
  maxRps: number,
  maxConnections: number,
  maxNewConnectionsPerSecond: number,
  outboundConnectionPool: number,
  maxOutboundBandwidthMbps: number,
  sla: string,
): InstanceSpec => ({ id, edition, maxRps, maxConnections, maxNewConnectionsPerSecond, outboundConnectionPool, maxInboundBandwidthMbps: 5120, maxOutboundBandwidthMbps, sla });

/** Every spec the cloud sells, smallest first (the order is used to tell upgrades from downgrades). */
export const INSTANCE_SPECS: Readonly<Record<InstanceSpecId, InstanceSpec>> = {
  'api.s1.small': spec('api.s1.small', 'basic', 2_500, 50_000, 5_000, 1_200, 100, '99.95%'),
  'api.s1.medium': spec('api.s1.medium', 'professional', 5_000, 100_000, 5_000, 2_400, 100, '99.95%'),
  'api.s2.large': spec('api.s2.large', 'enterprise', 10_000, 200_000, 5_000, 4_800, 200, '99.99%'),
  'api.s2.large.x2': spec('api.s2.large.x2', 'platinum', 20_000, 400_000, 10_000, 9_600, 200, '99.99%'),
  'api.s2.large.x3': spec('api.s2.large.x3', 'platinum', 30_000, 600_000, 10_000, 14_400, 400, '99.99%'),
  'api.s2.large.x4': spec('api.s2.large.x4', 'platinum', 40_000, 800_000, 20_000, 19_200, 400, '99.99%'),
  'api.s2.large.x5': spec('api.s2.large.x5', 'platinum', 50_000, 1_000_000, 20_000, 24_000, 600, '99.99%'),
  'api.s2.large.x6': spec('api.s2.large.x6', 'platinum', 60_000, 1_000_000, 20_000, 28_800, 600, '99.99%'),
};

export const SPEC_IDS = Object.keys(INSTANCE_SPECS) as InstanceSpecId[];

export const EDITIONS: Readonly<Record<EditionId, Edition>> = {
  basic: { id: 'basic', label: 'Basic', specs: ['api.s1.small'], ipsPerSubnet: 3 },
  professional: { id: 'professional', label: 'Professional', specs: ['api.s1.medium'], ipsPerSubnet: 5 },
  enterprise: { id: 'enterprise', label: 'Enterprise', specs: ['api.s2.large'], ipsPerSubnet: 6 },
  platinum: {
    id: 'platinum',
    label: 'Platinum',
    specs: ['api.s2.large.x2', 'api.s2.large.x3', 'api.s2.large.x4', 'api.s2.large.x5', 'api.s2.large.x6'],
    ipsPerSubnet: 7,
  },
};

export const EDITION_IDS = Object.keys(EDITIONS) as EditionId[];

export function isSpecId(value: string): value is InstanceSpecId {
  return Object.hasOwn(INSTANCE_SPECS, value);
}

export function isEditionId(value: string): value is EditionId {
  return Object.hasOwn(EDITIONS, value);
}

/** The spec's row, or undefined for a name the cloud does not sell. */
export function specById(id: string): InstanceSpec | undefined {
  return isSpecId(id) ? INSTANCE_SPECS[id] : undefined;
}

/** The edition a spec belongs to (`api.s2.large.x4` → platinum), or undefined for an unknown spec. */
export function editionOfSpec(id: string): Edition | undefined {
  const found = specById(id);
  return found && EDITIONS[found.edition];
}

/** Position in INSTANCE_SPECS: a higher rank is a larger spec. -1 for an unknown spec. */
export function specRank(id: string): number {
  return SPEC_IDS.indexOf(id as InstanceSpecId);
}

/** `12345` → `12,345`: without Intl, so messages read the same in every runtime. */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `Professional (api.s1.medium)`. */
export function specLabel(id: string): string {
  const edition = editionOfSpec(id);
  return edition ? `${edition.label} (${id})` : id;
}
