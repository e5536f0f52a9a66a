import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { databasePool } from "@/lib/db/client";
import { heartbeats } from "@/lib/jobs/heartbeat";
import { systemDb } from "@/lib/tenancy/system";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "helpt_" });

  const httpDuration = new Histogram({
    name: "helpt_http_request_duration_seconds",
    help: "Time to answer a request, by route group, site kind (apex/town), method and status class.",
    labelNames: ["group", "site", "method", "status"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const townRequests = new Counter({
    name: "helpt_town_requests_total",
    help: "Requests per existing town (by slug).",
    labelNames: ["town"] as const,
    registers: [registry],
  });

  // Read from the database at scrape time: the outbox and the workers live outside this process.
  new Gauge({
    name: "helpt_outbox_emails",
    help: "E-mails in the outbox by status (PENDING is the backlog).",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const counts = await systemDb.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } });
      this.reset();
      for (const status of ["PENDING", "HELD", "DIGESTED", "SENT", "FAILED"]) this.set({ status }, counts.find((c) => c.status === status)?._count._all ?? 0);
    },
  });
  new Gauge({
    name: "helpt_outbox_oldest_pending_age_seconds",
    help: "Age of the oldest e-mail waiting to be sent (0 when none waits).",
    registers: [registry],
    async collect() {
      const oldest = await systemDb.outboxEmail.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      this.set(oldest ? (Date.now() - oldest.createdAt.getTime()) / 1000 : 0);
    },
  });
  const workerRows = () => heartbeats();
  new Gauge({
    name: "helpt_worker_heartbeat_age_seconds",
    help: "Seconds since each worker's last heartbeat.",
    labelNames: ["worker"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const w of await workerRows()) this.set({ worker: w.id }, (Date.now() - w.beatAt.getTime()) / 1000);
    },
  });
  new Gauge({
    name: "helpt_job_failures_total",
    help: "Failed scheduled-job runs since each worker started, by job (resets when a worker restarts, like a counter).",
    labelNames: ["worker", "job"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const w of await workerRows()) {
        for (const [job, n] of Object.entries(w.jobFailures as Record<string, number>)) this.set({ worker: w.id, job }, n);
      }
    },
  });
  new Gauge({
    name: "helpt_db_pool_connections",
    help: "This process's database connections: total, idle, and requests waiting for one.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const pool = databasePool();
      this.set({ state: "total" }, pool?.totalCount ?? 0);
      this.set({ state: "idle" }, pool?.idleCount ?? 0);
      this.set({ state: "waiting" }, pool?.waitingCount ?? 0);
    },
  });
  return { registry, httpDuration, townRequests };
}

// Next bundles instrumentation.ts and the route handlers apart: one set per process, kept on globalThis.
const globalForMetrics = globalThis as unknown as { helptMetrics?: ReturnType<typeof create> };

export function metrics() {
  return (globalForMetrics.helptMetrics ??= create());
}
