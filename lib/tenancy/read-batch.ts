/**
 * Reads of one town that are asked for in the same turn of the event loop
 * (the counters of a home page, the sibling components of a page rendering
 * side by side, concurrent visitors of the same town) run as one batch
 * transaction: BEGIN, the scope once, every read, COMMIT. Each read alone
 * would be BEGIN, scope, read, COMMIT. Batching only joins reads of the same
 * town, so no read ever runs under another town's scope.
 */

/** Read operations: they change nothing, so running one again is harmless. */
export const READ_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy",
]);

/** A batch larger than this is split: one slow read delays at most this many others. */
const MAX_BATCH = 16;

type Pending = { read: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** Runs `reads` (lazy Prisma queries) in one transaction that first enters the scope; resolves to their results in order. */
export type RunBatch = (reads: unknown[]) => Promise<unknown[]>;

const queues = new Map<string, { pending: Pending[]; run: RunBatch }>();

async function flush(pending: Pending[], run: RunBatch): Promise<void> {
  for (let i = 0; i < pending.length; i += MAX_BATCH) {
    const part = pending.slice(i, i + MAX_BATCH);
    try {
      const results = await run(part.map((p) => p.read()));
      part.forEach((p, k) => p.resolve(results[k]));
    } catch (error) {
      if (part.length === 1) {
        part[0].reject(error);
        continue;
      }
      // One failing read fails its whole batch: each runs again alone, so
      // every caller gets its own answer and no one else's error.
      await Promise.all(part.map((p) => run([p.read()]).then(([r]) => p.resolve(r), p.reject)));
    }
  }
}

/** Queues one read of `key`'s town (the tenant id) to run with the others of this turn. */
export function batchedRead<T>(key: string, run: RunBatch, read: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(key);
    if (!queue) {
      queue = { pending: [], run };
      queues.set(key, queue);
      const taken = queue;
      setImmediate(() => {
        queues.delete(key);
        void flush(taken.pending, taken.run);
      });
    }
    queue.pending.push({ read, resolve: resolve as (value: unknown) => void, reject });
  });
}
