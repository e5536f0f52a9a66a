import { purgeClosedConcerns } from "@/lib/concerns/retention";
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import { prisma } from "@/lib/db/client";
import { sendDueWaves } from "@/lib/alerts/waves";
import { expireUnpaidTrials, suspendAfterGrace, sendTrialNotices } from "@/lib/billing/transitions";
import { dispatchOutbox } from "@/lib/email/dispatch";
import { dispatchPush } from "@/lib/push/dispatch";
import { sendDigests } from "@/lib/notifications/held-digest";
import { beat } from "@/lib/jobs/heartbeat";
import { logger } from "@/lib/log/logger";
import { sendVolunteerDigests } from "@/lib/matching/digest";
import { purgeAbandonedPreviews } from "@/lib/imports/purge-previews";
import { runImports } from "@/lib/imports/run";
import { purgeExpired } from "@/lib/privacy/purge-expired";
import { reopenDueRecurring } from "@/lib/requests/mutations";
import { dispatchSms } from "@/lib/sms/dispatch";
import { anonymiseExpired } from "@/lib/requests/retention";

/** How often the worker sends due alert waves and the outbox (the bench times publish-to-first-alert against it). */
export const OUTBOX_POLL_MS = 2_000;
const HEARTBEAT_MS = 10_000;

/** Scheduled jobs, on pg-boss (PostgreSQL-backed; cron in the town's time zone). */
const SCHEDULES: { name: string; cron: string; run: () => Promise<unknown> }[] = [
  {
    name: "reopen-recurring-requests",
    cron: "*/15 * * * *",
    run: async () => {
      const towns = await prisma.tenant.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
      for (const town of towns) await reopenDueRecurring(town);
    },
  },
  {
    name: "email-digests",
    cron: "0 7 * * *",
    run: async () => {
      await sendDigests();
      const towns = await prisma.tenant.findMany({ where: { status: "ACTIVE" }, select: { id: true, slug: true, defaultLocale: true } });
      for (const town of towns) await sendVolunteerDigests(town);
    },
  },
  {
    name: "billing-grace-periods",
    cron: "0 * * * *",
    run: async () => {
      await expireUnpaidTrials();
      await suspendAfterGrace();
    },
  },
  { name: "billing-trial-notices", cron: "0 9 * * *", run: () => sendTrialNotices() },
  {
    name: "retention-clean-up",
    cron: "30 3 * * *",
    run: async () => {
      const towns = await prisma.tenant.findMany({ select: { id: true, retentionDays: true } });
      for (const town of towns) await anonymiseExpired(town);
      for (const town of towns) await purgeClosedConcerns(town);
      await purgeExpired();
      await purgeAbandonedPreviews();
    },
  },
];

/**
 * The background worker: sends the e-mail outbox continuously and runs the
 * scheduled jobs. Safe to run in several processes at once.
 */
export async function startWorker(databaseUrl: string) {
  const log = logger.child({ service: "worker" });
  const workerId = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
  const startedAt = new Date();
  const jobFailures: Record<string, number> = {};
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4 });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  for (const job of SCHEDULES) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: "Europe/Brussels" });
    await boss.work(job.name, async () => {
      const started = performance.now();
      try {
        await job.run();
        log.info({ job: job.name, ms: Math.round(performance.now() - started) }, "job done");
      } catch (error) {
        jobFailures[job.name] = (jobFailures[job.name] ?? 0) + 1;
        log.error({ job: job.name, err: error }, "job failed");
        throw error;
      }
    });
  }

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let lastBeat = 0;
  const tick = async () => {
    if (stopped) return;
    running = (async () => {
      if (Date.now() - lastBeat >= HEARTBEAT_MS) {
        await beat(workerId, startedAt, jobFailures);
        lastBeat = Date.now();
      }
      // Alert waves first: a wave's e-mails then leave in the same tick (publish to first alert within one poll).
      const alerted = await sendDueWaves();
      if (alerted > 0) log.info({ alerted }, "alert waves");
      // Volunteer imports a chunk at a time within a budget, so the outbox keeps its pace during a 10,000-row import.
      const chunks = await runImports();
      if (chunks > 0) log.info({ chunks }, "volunteer imports");
      const r = await dispatchOutbox();
      if (r.sent + r.retrying + r.failed > 0) log.info(r, "e-mail outbox");
      const sms = await dispatchSms();
      if (sms.sent + sms.retrying + sms.failed > 0) log.info(sms, "SMS outbox");
      const push = await dispatchPush();
      if (push.sent + push.retrying + push.failed > 0) log.info(push, "push outbox");
    })().catch((error: Error) => log.error({ err: error }, "outbox run failed"));
    await running;
    if (!stopped) timer = setTimeout(tick, OUTBOX_POLL_MS);
  };
  let timer = setTimeout(tick, 0);

  return async function stop() {
    stopped = true;
    clearTimeout(timer);
    await running;
    await boss.stop({ graceful: true, wait: true });
  };
}
