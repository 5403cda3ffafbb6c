/** The console's areas, in the order of the navigation. */
import type { ComponentType, ReactElement } from 'react';
import ApiIcon from '@mui/icons-material/Api';
import AppsIcon from '@mui/icons-material/Apps';
import CloudIcon from '@mui/icons-material/Cloud';
import ExtensionIcon from '@mui/icons-material/Extension';
import FolderIcon from '@mui/icons-material/Folder';
import LanIcon from '@mui/icons-material/Lan';
import LayersIcon from '@mui/icons-material/Layers';
import RouterIcon from '@mui/icons-material/Router';
import SettingsIcon from '@mui/icons-material/Settings';
import SpeedIcon from '@mui/icons-material/Speed';
import type { AreaId } from '../data/ui-store';
import { ApisScreen } from '../screens/apis/apis-screen';
import { AppsScreen } from '../screens/apps/apps-screen';
import { LocalGatewayScreen } from '../screens/gateway/local-gateway-screen';
import { GroupsScreen } from '../screens/groups/groups-screen';
import { PluginsScreen } from '../screens/plugins/plugins-screen';
import { StagesScreen } from '../screens/stages/stages-screen';
import { ThrottlingScreen } from '../screens/throttling/throttling-screen';
import { CloudScreen } from '../screens/cloud/cloud-screen';
import { InstancesScreen } from '../screens/instances/instances-screen';
import { SettingsScreen } from './settings-screen';

export interface Area {
  id: AreaId;
  label: string;
  icon: ReactElement;
  Screen: ComponentType;
  /** Shown only with a loaded project (the others work without one). */
  needsProject: boolean;
}

export const AREAS: Area[] = [
  { id: 'apis', label: 'APIs', icon: <ApiIcon />, Screen: ApisScreen, needsProject: true },
  { id: 'groups', label: 'Groups', icon: <FolderIcon />, Screen: GroupsScreen, needsProject: true },
  { id: 'stages', label: 'Stages', icon: <LayersIcon />, Screen: StagesScreen, needsProject: true },
  { id: 'throttling', label: 'Throttling', icon: <SpeedIcon />, Screen: ThrottlingScreen, needsProject: true },
  { id: 'apps', label: 'Apps', icon: <AppsIcon />, Screen: AppsScreen, needsProject: true },
  { id: 'plugins', label: 'Plugins', icon: <ExtensionIcon />, Screen: PluginsScreen, needsProject: true },
  { id: 'local-gateway', label: 'Local gateway', icon: <LanIcon />, Screen: LocalGatewayScreen, needsProject: false },
  { id: 'cloud', label: 'Cloud', icon: <CloudIcon />, Screen: CloudScreen, needsProject: false },
  { id: 'instances', label: 'Gateways', icon: <RouterIcon />, Screen: InstancesScreen, needsProject: false },
  { id: 'settings', label: 'Settings', icon: <SettingsIcon />, Screen: SettingsScreen, needsProject: false },
];

export function areaOf(id: AreaId): Area {
  return AREAS.find((a) => a.id === id) ?? AREAS[0];
}
