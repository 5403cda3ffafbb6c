/**
 * The one rule for every create sync sends (docs/sync.md "Lost answers"). CloudAPI's creates
 * (CreateApiGroup, CreateApi, CreateApp, CreateTrafficControl, CreatePlugin) declare no
 * idempotency token, so sending one again after its answer was lost would make a second object or
 * be refused for the name the first one took. Instead, after a lost answer (no answer in time, a
 * dropped connection, the cloud's own 5xx: the client's `outcomeUnknown`), sync looks the object
 * up by name: there, it is adopted; not there, the create is sent again.
 */
import { outcomeUnknown } from '../cloud';

export interface CreateOrAdoptSteps<T> {
  /** Sends the create once (the client never sends it again by itself); the new object's id. */
  create: () => Promise<string>;
  /** The object of that name in the cloud now, if there is one. */
  find: () => Promise<{ id: string; found: T } | undefined>;
}

export type CreateOrAdoptResult<T> = { id: string; adopted?: undefined } | { id: string; adopted: T };

/** Creates sent at most for one object, each after a lookup that found nothing. */
export const MAX_CREATES = 3;

export async function createOrAdopt<T>(steps: CreateOrAdoptSteps<T>): Promise<CreateOrAdoptResult<T>> {
  let earlierLost = false;
  for (let sent = 1; ; sent++) {
    try {
      return { id: await steps.create() };
    } catch (error) {
      const lost = outcomeUnknown(error);
      // A refusal says this call made nothing; after an earlier lost answer it may be the cloud
      // refusing the name that call took, so look before giving up.
      if (!lost && !earlierLost) throw error;
      const there = await steps.find();
      if (there) return { id: there.id, adopted: there.found };
      if (!lost || sent >= MAX_CREATES) throw error;
      earlierLost = true;
    }
  }
}
