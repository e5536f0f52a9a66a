import { systemDb } from "@/lib/tenancy/system";
import { DAY_MS } from "@/lib/dates/durations";

/**
 * A worker's sign of life, with the scheduled-job runs that failed since it
 * started. /api/ready reads the freshest; /api/metrics exports both.
 */
export async function beat(workerId: string, startedAt: Date, jobFailures: Record<string, number>, now = new Date()) {
  await systemDb.workerHeartbeat.upsert({
    where: { id: workerId },
    create: { id: workerId, startedAt, beatAt: now, jobFailures },
    update: { beatAt: now, jobFailures },
  });
  // Workers that stopped a day ago are gone (redeploys give new ids).
  await systemDb.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - DAY_MS) } } });
}

export async function heartbeats() {
  return systemDb.workerHeartbeat.findMany({ orderBy: { beatAt: "desc" } });
}

/** Seconds since the freshest heartbeat, or null when no worker has ever beaten. */
export async function newestHeartbeatAgeSeconds(now = new Date()): Promise<number | null> {
  const newest = await systemDb.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } });
  return newest ? Math.max(0, (now.getTime() - newest.beatAt.getTime()) / 1000) : null;
}
