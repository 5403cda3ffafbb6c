/** Every action module the offline cloud serves. Add a product area: one module, one line here. */
import type { ActionModule } from '../action-registry';
import { cloudApiRegionActions } from './cloudapi-regions';
import { ecsSecurityGroupActions } from './ecs-security-groups';
import { vpcNetworkActions } from './vpc-network';

export const DEFAULT_ACTION_MODULES: readonly ActionModule[] = [cloudApiRegionActions, vpcNetworkActions, ecsSecurityGroupActions];
