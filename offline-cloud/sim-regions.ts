/**
 * The regions the offline cloud serves and their zones: the fixed geography, not account data.
 * Single zones (`cn-hangzhou-j`) are where vSwitches live; the API Gateway's purchase zones are
 * multi-zone ids whose letters name single zones (`cn-hangzhou-MAZ2(j,g)`, docs/alibaba-openapi.md,
 * "Regions and zones").
 */

export interface LocalNames {
  en: string;
  zh: string;
}

export interface ZoneInfo {
  zoneId: string;
  names: LocalNames;
}

export interface RegionInfo {
  regionId: string;
  names: LocalNames;
  /** The few letters after the dash in this region's resource ids (`vpc-bp1…` in Hangzhou). */
  idPrefix: string;
  zones: ZoneInfo[];
  gatewayZones: ZoneInfo[];
}

export const DEFAULT_REGION = 'cn-hangzhou';

const zone = (region: string, city: string, cityZh: string, letter: string): ZoneInfo => ({
  zoneId: `${region}-${letter}`,
  names: { en: `${city} Zone ${letter.toUpperCase()}`, zh: `${cityZh} 可用区${letter.toUpperCase()}` },
});

const multiZone = (region: string, regionName: string, cityZh: string, n: number, letters: string): ZoneInfo => ({
  zoneId: `${region}-MAZ${n}(${letters})`,
  names: { en: `${regionName} Multi-zone ${n}(${letters})`, zh: `${cityZh} 多可用区${n}(${letters})` },
});

export const SIM_REGIONS: RegionInfo[] = [
  {
    regionId: 'cn-hangzhou',
    names: { en: 'China (Hangzhou)', zh: '华东1（杭州）' },
    idPrefix: 'bp1',
    zones: ['b', 'g', 'h', 'i', 'j', 'k'].map((letter) => zone('cn-hangzhou', 'Hangzhou', '杭州', letter)),
    gatewayZones: [
      multiZone('cn-hangzhou', 'China (Hangzhou)', '杭州', 2, 'j,g'),
      multiZone('cn-hangzhou', 'China (Hangzhou)', '杭州', 5, 'g,h'),
      multiZone('cn-hangzhou', 'China (Hangzhou)', '杭州', 6, 'i,k'),
      { zoneId: 'cn-hangzhou-b', names: { en: 'China (Hangzhou) Zone B', zh: '杭州 可用区B' } },
    ],
  },
  {
    regionId: 'cn-shanghai',
    names: { en: 'China (Shanghai)', zh: '华东2（上海）' },
    idPrefix: 'uf6',
    zones: ['b', 'e', 'f', 'g', 'l'].map((letter) => zone('cn-shanghai', 'Shanghai', '上海', letter)),
    gatewayZones: [multiZone('cn-shanghai', 'China (Shanghai)', '上海', 1, 'e,f'), multiZone('cn-shanghai', 'China (Shanghai)', '上海', 3, 'g,l')],
  },
];

export function findRegion(regionId: string): RegionInfo | undefined {
  return SIM_REGIONS.find((region) => region.regionId === regionId);
}

/** Chinese when no language is asked (the cloud's default, zh-CN); English for `en` and for `ja`, which has no names here. */
export function localName(names: LocalNames, language: string | undefined): string {
  return !language || language.toLowerCase().startsWith('zh') ? names.zh : names.en;
}
