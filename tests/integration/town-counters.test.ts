import { describe, expect, it } from "vitest";
import { getTownCounters } from "@/lib/stats/town-counters";
import { systemDb } from "@/lib/tenancy/system";
import { createTown } from "./helpers/factories";

/** `count` open requests, written in one statement (a large town takes thousands). */
async function addRequests(tenantId: string, categoryId: string, count: number, from = 0) {
  await systemDb.$executeRaw`
    INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, "updatedAt")
    SELECT ${tenantId}, ${tenantId} || '-r' || n, 'R' || n, ${categoryId}, 'OPEN', now() FROM generate_series(${from + 1}::int, ${from + count}::int) n`;
}

describe("town counters", () => {
  it("are live in a town of any size", async () => {
    const { tenant, categories } = await createTown();
    await addRequests(tenant.id, categories[0].id, 3);
    expect((await getTownCounters(tenant)).requests).toBe(3);
    await addRequests(tenant.id, categories[0].id, 2, 3);
    expect((await getTownCounters(tenant)).requests).toBe(5);
    await addRequests(tenant.id, categories[0].id, 10_000, 5);
    expect((await getTownCounters(tenant)).requests).toBe(10_005);
    await addRequests(tenant.id, categories[0].id, 1, 10_005);
    expect((await getTownCounters(tenant)).requests).toBe(10_006);
  });
});
