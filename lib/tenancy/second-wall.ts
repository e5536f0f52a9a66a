import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The second wall: PostgreSQL row-level security. Every tenant-owned table has
 * a forced policy that only shows rows of `helpt.tenant_id` (or every row when
 * `helpt.system` is on), and only the role `helpt_app` is granted the tables.
 * This wraps a client so each operation runs in a transaction that first sets
 * both for that transaction only (`set_config(…, true)`), so a pooled
 * connection never carries one town's setting into the next query.
 */
export type Scope = { tenantId: string } | { system: true };

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

/** Returns a client with the same API as `client` whose every operation runs inside the scope. */
export function withSecondWall<C extends Client>(client: C, scope: Scope): C {
  if (!secondWallEnabled()) return client;
  const tenantId = "tenantId" in scope ? scope.tenantId : "";
  const system = "system" in scope ? "on" : "off";
  // One statement: the switch to the table-less role helpt_app (a no-op for a
  // login that is already it) and both settings, local to this transaction.
  const enter = (db: Raw) =>
    db.$executeRaw`SELECT set_config('role', 'helpt_app', true), set_config('helpt.tenant_id', ${tenantId}, true), set_config('helpt.system', ${system}, true)`;
  const batch = client.$transaction.bind(client) as unknown as (ops: Promise<unknown>[]) => Promise<unknown[]>;
  const interactive = client.$transaction.bind(client) as unknown as <R>(fn: (tx: Raw) => Promise<R>, options?: unknown) => Promise<R>;

  return client.$extends({
    name: "second-wall",
    query: {
      async $allOperations({ args, query }) {
        const [, result] = await batch([enter(client), query(args)]);
        return result;
      },
    },
    client: {
      // Interactive transactions enter the scope once, on their own connection;
      // their tx client comes from `client`, so its operations are not wrapped again.
      $transaction<R>(fn: (tx: Raw) => Promise<R>, options?: unknown): Promise<R> {
        return interactive(async (tx) => {
          await enter(tx);
          return fn(tx);
        }, options);
      },
    },
  }) as unknown as C;
}
