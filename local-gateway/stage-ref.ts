import type { Stage } from '../shared/model/schema';

/** One API in one stage: what throttling policies and plugins are bound to. */
export interface StageRef {
  group: string;
  api: string;
  stage: Stage;
}

/** A Map key for a StageRef (NUL cannot occur in names, so keys never collide). */
export function stageRefKey(ref: StageRef): string {
  return `${ref.group}\u0000${ref.api}\u0000${ref.stage}`;
}
