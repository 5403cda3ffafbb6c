/**
 * What a dedicated gateway costs, as an estimate: the list prices of each spec per region group,
 * in US dollars, from the table recorded in docs/gateways.md, "Prices (an estimate)". The
 * numbers are Alibaba Cloud's international list prices as read on the date given there;
 * discounts, taxes, the China site's CNY prices and outbound Internet traffic (billed apart by
 * the GB) are not in them. A region or spec the table has no price for answers "no published
 * price": the app never guesses one.
 */
import type { InstanceSpecId } from './editions';
import type { Billing } from './types';

/** One spec's list prices in one region group. */
export interface SpecPrice {
  /** Pay-as-you-go, USD per hour. */
  perHour: number;
  /** Subscription by the month, USD per month. */
  perMonth: number;
  /** Subscription by the year, USD per year (the source heads the column "per month"; its values are a year's price: docs/gateways.md, "Prices (an estimate)"). */
  perYear: number;
}

export interface PriceGroup {
  /** How the source names the group's regions, e.g. "Chinese mainland". */
  label: string;
  /** Region ids (docs/gateways.md maps the source's region names to ids). */
  regions: readonly string[];
  prices: Partial<Record<InstanceSpecId, SpecPrice>>;
}

/** Where the numbers come from, shown with every estimate. */
export const PRICE_SOURCE = {
  url: 'https://www.alibabacloud.com/help/en/api-gateway/traditional-api-gateway/product-overview/dedicated-instance',
  /** The page's own "last updated" date. */
  pageUpdated: '2025-02-10',
  /** When the table was read into docs/gateways.md. */
  read: '2026-12-07',
  currency: 'USD',
} as const;

/**
 * Hours in a month for the pay-as-you-go monthly figure: 365 × 24 / 12. The source bills by the
 * hour and names no month length; 730 is our choice (docs/gateways.md, "Prices (an estimate)").
 */
export const HOURS_PER_MONTH = 730;

const price = (perHour: number, perMonth: number, perYear: number): SpecPrice => ({ perHour, perMonth, perYear });

export const PRICE_GROUPS: readonly PriceGroup[] = [
  {
    label: 'Chinese mainland',
    regions: ['cn-hangzhou', 'cn-shanghai', 'cn-shenzhen', 'cn-chengdu', 'cn-qingdao', 'cn-beijing', 'cn-zhangjiakou', 'cn-huhehaote'],
    prices: {
      'api.s1.small': price(0.87, 541, 5518.2),
      'api.s1.medium': price(2.37, 1468, 14973.6),
      'api.s2.large': price(6.78, 4206, 42901.2),
      'api.s2.large.x2': price(13.56, 8412, 85802.4),
      'api.s2.large.x3': price(20.34, 12618, 128703.6),
      'api.s2.large.x4': price(27.12, 16824, 171604.8),
      'api.s2.large.x5': price(33.9, 21030, 214506),
      'api.s2.large.x6': price(40.68, 25236, 257407.2),
    },
  },
  {
    label: 'Hong Kong, Asia Pacific, US and Europe',
    regions: ['cn-hongkong', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5', 'ap-northeast-1', 'us-west-1', 'us-east-1', 'eu-central-1', 'eu-west-1'],
    // Only the first row of this group could be read (docs/gateways.md, "Prices (an estimate)").
    prices: { 'api.s1.small': price(0.93, 560, 5712) },
  },
];

/** An estimate for one purchase, or why there is none. */
export type PriceEstimate =
  | {
      known: true;
      currency: 'USD';
      billing: Billing['kind'];
      /** Pay-as-you-go: per hour, and per month of HOURS_PER_MONTH hours. */
      perHour?: number;
      perMonth?: number;
      /** Subscription: the whole term, paid at purchase, and its length in words ("3 months"). */
      term?: number;
      termLabel?: string;
      /** The region group whose prices were used. */
      group: string;
    }
  | { known: false; reason: string };

/** The list price of a spec in a region, or undefined where the table has none. */
export function specPrice(region: string, specId: string): { group: PriceGroup; price: SpecPrice } | undefined {
  const group = PRICE_GROUPS.find((candidate) => candidate.regions.includes(region));
  const found = group?.prices[specId as InstanceSpecId];
  return group && found ? { group, price: found } : undefined;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function termLabel(billing: Extract<Billing, { kind: 'subscription' }>): string {
  return `${billing.duration} ${billing.cycle}${billing.duration === 1 ? '' : 's'}`;
}

/** The estimate for buying `specId` in `region` with `billing`. */
export function estimatePrice(region: string, specId: string | undefined, billing: Billing): PriceEstimate {
  if (!specId) return { known: false, reason: 'Choose an edition first.' };
  const found = specPrice(region, specId);
  if (!found) return { known: false, reason: `No published price for ${specId} in ${region} is recorded; see the buy page in Alibaba Cloud's console for the price.` };
  const { group, price: list } = found;
  if (billing.kind === 'payAsYouGo') {
    return { known: true, currency: 'USD', billing: 'payAsYouGo', perHour: list.perHour, perMonth: round2(list.perHour * HOURS_PER_MONTH), group: group.label };
  }
  const unit = billing.cycle === 'month' ? list.perMonth : list.perYear;
  return { known: true, currency: 'USD', billing: 'subscription', term: round2(unit * billing.duration), termLabel: termLabel(billing), group: group.label };
}

/** `US$1,234.50`, `US$0.87`: two decimals, thousands grouped, without Intl so it reads the same everywhere. */
export function formatUsd(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.');
  return `US$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** One line for the review and the confirmation: "about US$2.37 an hour (about US$1,730.10 a month of 730 hours)". */
export function estimateText(estimate: PriceEstimate): string {
  if (!estimate.known) return estimate.reason;
  if (estimate.billing === 'payAsYouGo') return `about ${formatUsd(estimate.perHour ?? 0)} an hour (about ${formatUsd(estimate.perMonth ?? 0)} a month of ${HOURS_PER_MONTH} hours)`;
  return `about ${formatUsd(estimate.term ?? 0)} for ${estimate.termLabel}, paid at purchase`;
}
