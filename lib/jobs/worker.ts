import PgBoss from "pg-boss";
import { prisma } from "@/lib/db/client";
import { expireUnpaidTrials, suspendAfterGrace, sendTrialNotices } from "@/lib/billing/transitions";
import { dispatchOutbox, sendDigests } from "@/lib/email/dispatch";
import { sendVolunteerDigests } from "@/lib/matching/digest";
import { purgeExpired } from "@/lib/privacy/purge-expired";
import { reopenDueRecurring } from "@/lib/requests/mutations";
import { anonymiseExpired } from "@/lib/requests/retention";

const OUTBOX_POLL_MS = 2_000;

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
      await purgeExpired();
    },
  },
];

/**
 * The background worker: sends the e-mail outbox continuously and runs the
 * scheduled jobs. Safe to run in several processes at once.
 */
export async function startWorker(databaseUrl: string, log: (msg: string) => void = console.log) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4 });
  boss.on("error", (error) => log(`[worker] ${error.message}`));
  await boss.start();
  for (const job of SCHEDULES) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: "Europe/Brussels" });
    await boss.work(job.name, async () => {
      await job.run();
    });
  }

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = dispatchOutbox()
      .then((r) => r.sent + r.retrying + r.failed > 0 && log(`[worker] e-mail: ${r.sent} sent, ${r.retrying} retrying, ${r.failed} failed`))
      .catch((error: Error) => log(`[worker] outbox: ${error.message}`));
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
