import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { newestHeartbeatAgeSeconds } from "@/lib/jobs/heartbeat";
import { systemDb } from "@/lib/tenancy/system";

/**
 * The newest migration this code needs (a unit test keeps it equal to the
 * newest folder in prisma/migrations). Migration names sort by time.
 */
export const LATEST_MIGRATION = "20261205500000_proportionate_checks";

export type Readiness = { ready: boolean; reasons: string[]; checks: Record<string, unknown> };

/**
 * Whether this instance should receive traffic: the database answers, its
 * migrations are current, a worker is alive and the e-mail backlog is small.
 */
export async function readiness(now = new Date()): Promise<Readiness> {
  const { READY_MAX_HEARTBEAT_AGE_SECONDS, READY_MAX_EMAIL_BACKLOG } = env();
  const reasons: string[] = [];
  const checks: Record<string, unknown> = {};
  try {
    await prisma.$queryRaw`SELECT 1`;
    checks.database = "ok";
  } catch {
    return { ready: false, reasons: ["database unreachable"], checks: { database: "unreachable" } };
  }

  const [applied] = await prisma.$queryRaw<{ newest: string | null; unfinished: number }[]>`
    SELECT max(migration_name) FILTER (WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) AS newest,
           count(*) FILTER (WHERE finished_at IS NULL AND rolled_back_at IS NULL)::int AS unfinished
      FROM "_prisma_migrations"`.catch(() => [{ newest: null, unfinished: 0 }]);
  checks.migration = applied.newest;
  if (!applied.newest || applied.newest < LATEST_MIGRATION) reasons.push(`migrations behind: database at ${applied.newest ?? "none"}, code needs ${LATEST_MIGRATION}`);
  if (applied.unfinished > 0) reasons.push("a migration did not finish");

  const age = await newestHeartbeatAgeSeconds(now);
  checks.workerHeartbeatAgeSeconds = age;
  if (age === null) reasons.push("no worker has reported");
  else if (age > READY_MAX_HEARTBEAT_AGE_SECONDS) reasons.push(`worker heartbeat ${Math.round(age)} s old (limit ${READY_MAX_HEARTBEAT_AGE_SECONDS} s)`);

  const backlog = await systemDb.outboxEmail.count({ where: { status: "PENDING", nextAttemptAt: { lte: now } } });
  checks.emailBacklog = backlog;
  if (backlog > READY_MAX_EMAIL_BACKLOG) reasons.push(`e-mail backlog ${backlog} (limit ${READY_MAX_EMAIL_BACKLOG})`);

  return { ready: reasons.length === 0, reasons, checks };
}
