import { createHmac } from "node:crypto";
import { systemPrisma } from "@/lib/db/client";

// The second wall's proof that a town's scope comes from the application: an
// HMAC-SHA256 of the town id under a key that the database drew itself
// (helpt_private.scope_key) and that only the owner and helpt_system may read.
// helpt_scope_tenant() recomputes it for every statement; SQL run as the web
// login cannot, so a scope it sets itself reads and writes nothing.
let key: Promise<Buffer> | undefined;

async function loadKey(): Promise<Buffer> {
  const rows = await systemPrisma.$queryRaw<{ key: Uint8Array }[]>`SELECT key FROM helpt_private.scope_key`;
  if (rows.length !== 1) throw new Error("The database has no scope key (helpt_private.scope_key): apply the migrations");
  return Buffer.from(rows[0].key);
}

/** The signature PostgreSQL expects in helpt.tenant_sig for `tenantId` (hex). Rotating the key needs a restart. */
export async function scopeSignature(tenantId: string): Promise<string> {
  key ??= loadKey().catch((error: unknown) => {
    key = undefined; // a database that was down is asked again next time
    throw error;
  });
  return createHmac("sha256", await key).update(tenantId, "utf8").digest("hex");
}
