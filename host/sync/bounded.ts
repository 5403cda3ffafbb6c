/**
 * Running work with at most `limit` tasks at once: enough to hide the cloud's latency, few enough
 * not to be throttled. The first failure stops new tasks from starting; the running ones finish.
 */

export interface BoundedResult<R> {
  /** Results of the tasks that finished, by index. */
  results: (R | undefined)[];
  /** The first error, with its task's index. */
  failure?: { index: number; error: unknown };
  /** Indexes of tasks never started. */
  notStarted: number[];
}

/** `signal`: once aborted, no new task starts (the running ones finish); the rest are `notStarted`. */
export async function runBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, signal?: AbortSignal): Promise<BoundedResult<R>> {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  let failure: BoundedResult<R>['failure'];
  const worker = async () => {
    while (failure === undefined && !signal?.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index], index);
      } catch (error) {
        failure ??= { index, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const notStarted = Array.from({ length: items.length - next }, (_, offset) => next + offset);
  return { results, failure, notStarted };
}

/** Like runBounded, but throws the first error once the running tasks are done. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const { results, failure } = await runBounded(items, limit, task);
  if (failure) throw failure.error;
  return results as R[];
}
