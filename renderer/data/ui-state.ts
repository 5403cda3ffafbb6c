/** The words of the UI's place: its areas and the things a screen can show in detail. */
import type { Stage } from '../../shared/model/schema';

export const AREA_IDS = ['apis', 'groups', 'stages', 'throttling', 'apps', 'plugins', 'local-gateway', 'cloud', 'instances', 'settings'] as const;
export type AreaId = (typeof AREA_IDS)[number];

/** The Cloud area's views. */
export const CLOUD_VIEWS = ['sync', 'stages', 'pull', 'history'] as const;
export type CloudView = (typeof CLOUD_VIEWS)[number];

/** The thing a screen shows in detail. */
export type Selection =
  | { kind: 'api'; group: string; api: string }
  | { kind: 'group'; group: string }
  | { kind: 'deployment'; group: string; api: string; stage: Stage }
  | { kind: 'throttlingPolicy'; name: string }
  | { kind: 'app'; name: string }
  | { kind: 'authorization'; index: number }
  | { kind: 'plugin'; name: string }
  | { kind: 'instance'; instanceId: string }
  /** The Gateways area's purchase wizard. */
  | { kind: 'purchase' }
  | { kind: 'cloudView'; view: CloudView }
  | { kind: 'project' };
