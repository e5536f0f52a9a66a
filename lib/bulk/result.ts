import type { FormState } from "@/lib/forms/state";

/** One item of a bulk action: done (with what happened, e.g. who was assigned) or skipped with a reason (a translation key). */
export type BulkItem = { id: string; label: string; ok: boolean; reason?: string; detail?: { key: "assigned" | "sent" | "deferred"; name?: string } };

/** A bulk form's state: the review before acting, or what happened after. */
export type BulkState = FormState & {
  review?: { count: number; ids: string[] };
  result?: BulkItem[];
};

export const done = (id: string, label: string, detail?: BulkItem["detail"]): BulkItem => ({ id, label, ok: true, detail });
export const skipped = (id: string, label: string, reason: string): BulkItem => ({ id, label, ok: false, reason });
