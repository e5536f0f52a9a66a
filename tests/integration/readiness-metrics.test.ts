import { afterEach, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { queueEmail } from "./helpers/outbox";
import { beat } from "@/lib/jobs/heartbeat";
import { knownTownSlug } from "@/lib/observability/known-towns";
import { metrics } from "@/lib/observability/metrics";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { systemDb } from "@/lib/tenancy/system";
import { createTown, uniqueSlug } from "./helpers/factories";

const saved = { ...process.env };
afterEach(async () => {
  for (const k of ["METRICS_TOKEN", "READY_MAX_EMAIL_BACKLOG", "READY_MAX_HEARTBEAT_AGE_SECONDS"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await systemDb.workerHeartbeat.deleteMany({});
});

const body = async (r: Response) => (await r.json()) as { ready: boolean; reasons: string[] };

describe("/api/health and /api/ready", () => {
  it("health answers without asking the database", async () => {
    expect((await health()).status).toBe(200);
  });

  it("is not ready without a worker heartbeat, ready with a fresh one, not ready with a stale one", async () => {
    let r = await ready();
    expect(r.status).toBe(503);
    expect((await body(r)).reasons).toContain("no worker has reported");

    await beat(uniqueSlug("w"), new Date(), {});
    process.env.READY_MAX_EMAIL_BACKLOG = "1000000";
    r = await ready();
    expect(await body(r)).toMatchObject({ ready: true, reasons: [] });
    expect(r.status).toBe(200);

    await systemDb.workerHeartbeat.updateMany({ data: { beatAt: new Date(Date.now() - 120_000) } });
    r = await ready();
    expect(r.status).toBe(503);
    expect((await body(r)).reasons.join()).toMatch(/worker heartbeat 1\d\d s old/);
  });

  it("is not ready while the e-mail backlog is over the threshold", async () => {
    await beat(uniqueSlug("w"), new Date(), {});
    const waiting = await systemDb.outboxEmail.count({ where: { status: "PENDING", nextAttemptAt: { lte: new Date() } } });
    const { tenant } = await createTown();
    await forTenant(tenant.id).$transaction(async (tx) => {
      for (let i = 0; i < 2; i++) await queueEmail(tx, { tenantId: tenant.id, template: "request-done", locale: "nl", to: `${uniqueSlug("b")}@example.be`, data: { reference: "ABCD-EFGH" } });
    });
    process.env.READY_MAX_EMAIL_BACKLOG = String(waiting + 1);
    const r = await ready();
    expect(r.status).toBe(503);
    expect((await body(r)).reasons.join()).toMatch(/e-mail backlog \d+ \(limit \d+\)/);
    await systemDb.outboxEmail.updateMany({ where: { tenantId: tenant.id }, data: { status: "SENT" } });
  });

  it("is not ready when the database lacks the newest migration", async () => {
    await beat(uniqueSlug("w"), new Date(), {});
    process.env.READY_MAX_EMAIL_BACKLOG = "1000000";
    const [row] = await systemDb.$queryRaw<{ id: string; migration_name: string }[]>`SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await systemDb.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${row.id}`;
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect((await body(r)).reasons.join()).toContain(`code needs ${row.migration_name}`);
    } finally {
      await systemDb.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${row.id}`;
    }
  });
});

describe("/api/metrics", () => {
  const get = (auth?: string) => metricsRoute(new Request("http://localhost/api/metrics", auth ? { headers: { authorization: auth } } : {}));

  it("is 404 without METRICS_TOKEN and 401 without the right bearer token", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await get("Bearer anything-anything")).status).toBe(404);
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    expect((await get()).status).toBe(401);
    expect((await get("Bearer metrics-token-012345678X")).status).toBe(401);
    expect((await get("metrics-token-0123456789")).status).toBe(401);
  });

  it("reports latency, town requests, outbox backlog and age, job failures, heartbeats and the pool", async () => {
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    const { tenant } = await createTown();
    await forTenant(tenant.id).$transaction((tx) => queueEmail(tx, { tenantId: tenant.id, template: "request-done", locale: "nl", to: `${uniqueSlug("m")}@example.be`, data: { reference: "ABCD-EFGH" } }, new Date(Date.now() - 90_000)));
    const worker = uniqueSlug("w");
    await beat(worker, new Date(), { "retention-clean-up": 2 });
    metrics().httpDuration.observe({ group: "staff", site: "town", method: "GET", status: "2xx" }, 0.2);
    metrics().townRequests.inc({ town: tenant.slug });

    const r = await get("Bearer metrics-token-0123456789");
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).toContain('helpt_http_request_duration_seconds_bucket{le="0.25",group="staff",site="town",method="GET",status="2xx"}');
    expect(text).toContain(`helpt_town_requests_total{town="${tenant.slug}"}`);
    expect(text).toMatch(/helpt_outbox_emails\{status="PENDING"\} [1-9]/);
    expect(Number(/^helpt_outbox_oldest_pending_age_seconds (\S+)$/m.exec(text)![1])).toBeGreaterThanOrEqual(90);
    expect(text).toContain(`helpt_job_failures_total{worker="${worker}",job="retention-clean-up"} 2`);
    expect(text).toMatch(new RegExp(`helpt_worker_heartbeat_age_seconds\\{worker="${worker}"\\} \\d`));
    expect(text).toMatch(/helpt_db_pool_connections\{state="total"\} [1-9]/);
    await systemDb.outboxEmail.updateMany({ where: { tenantId: tenant.id }, data: { status: "SENT" } });
  });

  it("labels requests only with towns that exist, so forged hosts add no labels", async () => {
    const { tenant } = await createTown();
    knownTownSlug(`${tenant.slug}.localhost`, "localhost");
    await expect.poll(() => knownTownSlug(`${tenant.slug}.localhost`, "localhost")).toBe(tenant.slug);
    expect(knownTownSlug(`${uniqueSlug("forged")}.localhost`, "localhost")).toBeUndefined();
    expect(knownTownSlug("evil.example.org", "localhost")).toBeUndefined();
  });
});
