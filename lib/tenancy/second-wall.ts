import type { PrismaClient } from "@/generated/prisma/client";
import { batchedRead, READ_OPERATIONS } from "@/lib/tenancy/read-batch";
import { scopeSignature } from "@/lib/tenancy/scope-signature";
import { tenantWritten } from "@/lib/tenancy/writes";

/**
 * The second wall: PostgreSQL row-level security. Every tenant-owned table has
 * a forced policy that only shows rows of the town helpt_scope_tenant()
 * returns: helpt.tenant_id, when helpt.tenant_sig is its signature
 * (scope-signature.ts). Cross-town work is not a setting but a login, a member
 * of helpt_system (systemDb). This wraps a client so each operation runs in a
 * transaction that first switches to the table-less role helpt_app and sets
 * the town and its signature for that transaction only (`set_config(…, true)`),
 * so a pooled connection never carries one town's scope into the next query.
 * Reads of the same town asked for together share one such transaction
 * (read-batch.ts); writes keep a transaction of their own.
 */

/** Off only for measuring its cost (`npm run bench`), on a role that bypasses RLS. */
export function secondWallEnabled(): boolean {
  return process.env.HELPT_SECOND_WALL !== "off";
}

type Client = {
  $extends: PrismaClient["$extends"];
  $transaction: (...args: never[]) => Promise<unknown>;
  $executeRaw: PrismaClient["$executeRaw"];
};
type Raw = Pick<PrismaClient, "$executeRaw">;
/** One model operation, replayed on a transaction's client (`tx.category.findMany(args)`). */
type Operation = { model: string; operation: string; args: unknown };
type Models = Record<string, Record<string, (args: unknown) => Promise<unknown>>>;
const delegate = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

/** Returns a client with the same API as `client` whose every operation runs inside the town's scope. */
export function withSecondWall<C extends Client>(client: C, tenantId: string): C {
  if (!secondWallEnabled()) return client;
  // One statement: the switch to helpt_app (a no-op for a login that is
  // already it; it leaves helpt_system for the system login and the owner)
  // and both settings, local to this transaction. The signature travels as a
  // bound parameter, so other sessions never see it in pg_stat_activity.
  const enter = (db: Raw, signature: string) =>
    db.$executeRaw`SELECT set_config('role', 'helpt_app', true), set_config('helpt.tenant_id', ${tenantId}, true), set_config('helpt.tenant_sig', ${signature}, true)`;
  const batch = client.$transaction.bind(client) as unknown as (ops: Promise<unknown>[]) => Promise<unknown[]>;
  const interactive = client.$transaction.bind(client) as unknown as <R>(fn: (tx: Raw) => Promise<R>, options?: unknown) => Promise<R>;
  // Model operations run on an interactive transaction's client (it comes from
  // `client`, so they are not wrapped again): Prisma then takes each query's
  // compiled plan from its cache. In an array transaction that starts with the
  // raw scope statement, it compiled the whole batch again every time (its
  // plan cache skips batches led by raw SQL): ~1 ms of CPU per transaction.
  const scoped = async <R>(fn: (tx: Raw) => Promise<R>, options?: unknown): Promise<R> => {
    const signature = await scopeSignature(tenantId);
    return interactive(async (tx) => {
      await enter(tx, signature);
      return fn(tx);
    }, options);
  };
  const run = (tx: Raw, op: Operation) => (tx as unknown as Models)[delegate(op.model)][op.operation](op.args);
  // Every read of the batch is sent before any fails: a rejection is reported
  // once all have answered, never while the transaction still has queries queued.
  const runReads = (reads: unknown[]) =>
    scoped(async (tx) => {
      const settled = await Promise.allSettled((reads as Operation[]).map((op) => run(tx, op)));
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
      return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value);
    });

  return client.$extends({
    name: "second-wall",
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (model && READ_OPERATIONS.has(operation)) return batchedRead(tenantId, runReads, (): Operation => ({ model, operation, args }));
        if (model) return scoped((tx) => run(tx, { model, operation, args }));
        // Raw SQL: an array of raw statements is sent as it is, with nothing to compile.
        const signature = await scopeSignature(tenantId);
        const [, result] = await batch([enter(client, signature), query(args)]);
        return result;
      },
    },
    client: {
      // Interactive transactions enter the scope once, on their own connection;
      // their tx client comes from `client`, so its operations are not wrapped again.
      // Their writes told caches at once (for-tenant.ts); once committed, tell them again,
      // so a read that ran meanwhile and still saw the old rows is not kept.
      $transaction: async <R>(fn: (tx: Raw) => Promise<R>, options?: unknown): Promise<R> => {
        try {
          return await scoped(fn, options);
        } finally {
          tenantWritten(tenantId);
        }
      },
    },
  }) as unknown as C;
}
