"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ImportStatusJson } from "@/lib/imports/jobs";

const POLL_MS = 2_000;
const running = (s: string) => s === "QUEUED" || s === "RUNNING";

/**
 * A running import's progress. Rendered on the server with the current
 * counts (a reload without JavaScript shows them); in the browser it asks
 * the status route every two seconds until the import ends, then refreshes
 * the page for its final state.
 */
export function ImportProgress({ initial, statusUrl }: { initial: ImportStatusJson; statusUrl: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [job, setJob] = useState(initial);
  useEffect(() => {
    if (!running(job.status)) return;
    const timer = setTimeout(async () => {
      const response = await fetch(statusUrl, { cache: "no-store" }).catch(() => null);
      const next = response?.ok ? ((await response.json()) as ImportStatusJson) : null;
      if (!next) return setJob({ ...job }); // try again at the next turn
      setJob(next);
      if (!running(next.status)) router.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, statusUrl, router]);
  const total = Math.max(job.toImport, 1);
  const done = job.created + job.skipped;
  return (
    <div className="flex flex-col gap-2" data-testid="import-progress">
      <label htmlFor="import-progress-bar" className="font-semibold">{t("progressLabel")}</label>
      <progress id="import-progress-bar" max={total} value={Math.min(done, total)} className="h-6 w-full max-w-xl" />
      <p aria-live="polite" data-testid="import-progress-text">
        {t(`statuses.${job.status}` as "statuses.DONE")}: {t("progress", { processed: job.processed, total: job.toImport, created: job.created, skipped: job.skipped })}
      </p>
    </div>
  );
}
