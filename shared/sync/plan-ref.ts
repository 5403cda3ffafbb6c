/** What a plan line is about, by design name: its own file so that the sync kinds (kinds/) can name it without importing the planner. */
import type { Stage } from '../model/schema';

/** What a line acts on, by design names. */
export interface PlanRef {
  group?: string;
  api?: string;
  stage?: Stage;
  app?: string;
  policy?: string;
  plugin?: string;
  variable?: string;
  /** deploy: the design's record version the stage must serve. */
  version?: number;
  /** deploy: an earlier cloud HistoryVersion holding that snapshot (a rollback, done with SwitchApi). */
  historyVersion?: string;
  /** A group's update of one of its settings, sent with its own call: `network` (ModifyApiGroupNetworkPolicy). */
  setting?: 'network';
}
