/** CloudAPI 2016-07-14 DescribeRegions and DescribeZones (docs/alibaba-openapi.md, "Regions and zones"). */
import { regionalHost } from '../../shared/cloud/products';
import { type ActionModule, read } from '../action-registry';
import { SIM_REGIONS, localName } from '../sim-regions';

export const cloudApiRegionActions: ActionModule = {
  product: 'CloudAPI',
  actions: {
    DescribeRegions: read(({ params }) => ({
      Regions: {
        Region: SIM_REGIONS.map((region) => ({
          RegionId: region.regionId,
          LocalName: localName(region.names, params.string('Language')),
          RegionEndpoint: regionalHost('CloudAPI', region.regionId),
        })),
      },
    })),

    /** The zones where a dedicated gateway can be bought in the request's region. */
    DescribeZones: read((context) => ({
      Zones: {
        Zone: context.regionInfo().gatewayZones.map((zone) => ({ ZoneId: zone.zoneId, LocalName: localName(zone.names, context.params.string('Language')) })),
      },
    })),
  },
};
