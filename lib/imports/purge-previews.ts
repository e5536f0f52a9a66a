import { DAY_MS } from "@/lib/dates/durations";
import { systemDb } from "@/lib/tenancy/system";

/** How long a preview nobody confirmed is kept: long enough to check a file and come back to it after a weekend. */
export const PREVIEW_KEEP_DAYS = 7;

/**
 * Deletes the previews of every town that were never confirmed within
 * PREVIEW_KEEP_DAYS: the rows they hold are people's details that nobody
 * decided to import. (A person's next upload replaces their own preview
 * sooner.) Daily, with the retention clean-up; cross-town, hence systemDb.
 */
export async function purgeAbandonedPreviews(now = new Date()): Promise<number> {
  const { count } = await systemDb.importJob.deleteMany({ where: { status: "PREVIEW", createdAt: { lt: new Date(now.getTime() - PREVIEW_KEEP_DAYS * DAY_MS) } } });
  return count;
}
