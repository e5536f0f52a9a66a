"use client";

import { useTranslations } from "next-intl";
import type { BulkItem } from "@/lib/bulk/result";

/** After a bulk action: how many were done, and each skipped item with why. */
export function BulkResult({ items }: { items: BulkItem[] }) {
  const t = useTranslations("bulk");
  const done = items.filter((i) => i.ok);
  const skipped = items.filter((i) => !i.ok);
  // Reasons are keys of bulk.reasons; one a newer server sends that this page does not know reads as "not possible".
  const reason = (key = "") => {
    const k = `reasons.${key}` as "reasons.other";
    return t.has(k) ? t(k) : t("reasons.other");
  };
  return (
    <div role="status" className="flex flex-col gap-2" data-testid="bulk-result">
      <p className="font-bold">{t("summary", { done: done.length, skipped: skipped.length })}</p>
      {done.some((i) => i.detail) && (
        <ul className="list-disc pl-6" data-testid="bulk-done">
          {done.filter((i) => i.detail).map((i) => (
            <li key={i.id}><span className="font-mono">{i.label}</span>: {t(`details.${i.detail!.key}`, { name: i.detail!.name ?? "" })}</li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <>
          <h3 className="font-bold">{t("skippedTitle")}</h3>
          <ul className="list-disc pl-6" data-testid="bulk-skipped">
            {skipped.map((i) => <li key={i.id}><span className="font-mono">{i.label}</span>: {reason(i.reason)}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
