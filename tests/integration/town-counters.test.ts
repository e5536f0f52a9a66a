import { afterEach, describe, expect, it, vi } from "vitest";
import { getTownCounters, TOWN_COUNTERS_TTL_MS } from "@/lib/stats/town-counters";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, createVolunteer } from "./helpers/factories";
import { statementsOf } from "./helpers/statements";

/** `count` open requests, written in one statement by the system login (a large town takes thousands). */
async function addRequests(tenantId: string, categoryId: string, count: number, from = 0) {
  await systemDb.$executeRaw`
    INSERT INTO "HelpRequest" ("tenantId", id, reference, "categoryId", status, "updatedAt")
    SELECT ${tenantId}, ${tenantId} || '-r' || n, 'R' || n, ${categoryId}, 'OPEN', now() FROM generate_series(${from + 1}::int, ${from + count}::int) n`;
}

/** One open request written by the web login, as the app writes it. */
const webRequest = (tenantId: string, categoryId: string, id: string) =>
  ({ data: { tenantId, id: `${tenantId}-${id}`, reference: id, categoryId, status: "OPEN" as const } });

/** Past the counters' lifetime: only Date is faked, so the database driver keeps its own timers. */
function later() {
  if (!vi.isFakeTimers()) vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + TOWN_COUNTERS_TTL_MS + 1);
}

describe("town counters", () => {
  afterEach(() => vi.useRealTimers());

  it("count a town of any size, and show another process's writes once their figures expire", async () => {
    const { tenant, categories } = await createTown();
    await addRequests(tenant.id, categories[0].id, 3);
    expect((await getTownCounters(tenant)).requests).toBe(3);
    await addRequests(tenant.id, categories[0].id, 2, 3);
    // The system login (the worker, another instance) does not reach this process's figures…
    expect((await getTownCounters(tenant)).requests).toBe(3);
    later(); // …until they expire.
    expect((await getTownCounters(tenant)).requests).toBe(5);
    await addRequests(tenant.id, categories[0].id, 10_000, 5);
    later();
    expect((await getTownCounters(tenant)).requests).toBe(10_005);
  });

  it("send no statement while kept, and are read again at once after this process writes to the town", async () => {
    const { tenant, categories } = await createTown();
    const other = await createTown();
    const db = forTenant(tenant.id);
    expect((await getTownCounters(tenant)).requests).toBe(0);
    expect(await statementsOf(() => getTownCounters(tenant))).toEqual([]);
    await db.helpRequest.create(webRequest(tenant.id, categories[0].id, "a"));
    expect((await getTownCounters(tenant)).requests).toBe(1);
    await db.$transaction((tx) => tx.helpRequest.create(webRequest(tenant.id, categories[0].id, "b")));
    expect((await getTownCounters(tenant)).requests).toBe(2);
    // A registration is one raw statement, not a model operation: it must tell the figures too.
    await createVolunteer(tenant.id, [categories[0].id]);
    expect((await getTownCounters(tenant)).volunteers).toBe(1);
    // Another town's write leaves this town's figures kept.
    await forTenant(other.tenant.id).helpRequest.create(webRequest(other.tenant.id, other.categories[0].id, "c"));
    expect(await statementsOf(() => getTownCounters(tenant))).toEqual([]);
  });

  it("do not keep figures read while a transaction of the town was still open", async () => {
    const { tenant, categories } = await createTown();
    await forTenant(tenant.id).$transaction(async (tx) => {
      await tx.helpRequest.create(webRequest(tenant.id, categories[0].id, "a"));
      // Another connection: the request is not committed yet.
      expect((await getTownCounters(tenant)).requests).toBe(0);
    });
    expect((await getTownCounters(tenant)).requests).toBe(1);
  });
});
