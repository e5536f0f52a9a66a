import type { Urgency } from "@/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/log";
import { done, skipped, type BulkItem } from "@/lib/bulk/result";
import type { RequestBulkOp } from "@/lib/bulk/schemas";
import { InvalidInput, InvalidTransition, NotFoundInTenant } from "@/lib/errors";
import { localized, type Locale } from "@/lib/i18n/locales";
import { assignVolunteers } from "@/lib/matching/assign";
import { rankCandidates } from "@/lib/matching/candidates";
import { changeStatus, publishRequest } from "@/lib/requests/mutations";
import { publishSchema } from "@/lib/requests/schemas";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

type Row = { id: string; reference: string; status: string; publicSummary: string; neighbourhood: string; postcode: string; category: string };

export type BulkRequestOptions = {
  op: RequestBulkOp;
  urgency?: Urgency;
  /** The staff member's language: category names in suggested summaries. */
  locale: Locale;
  /** The summary a request without one is published with ("Groceries in Heverlee"), as the single-item form suggests it. */
  suggestSummary: (r: { category: string; place: string }) => string;
};

/** The selected requests of this town, by id; ids of other towns (or none) are simply not among them. */
async function selected(tenant: Tenant<"defaultLocale">, ids: string[], locale: Locale): Promise<Map<string, Row>> {
  const rows = await forTenant(tenant.id).helpRequest.findMany({
    where: { id: { in: ids } },
    select: { id: true, reference: true, status: true, publicSummary: true, neighbourhood: true, postcode: true, category: { select: { labels: true } } },
  });
  return new Map(rows.map(({ category, ...r }) => [r.id, { ...r, category: localized(category.labels, locale, tenant.defaultLocale) }]));
}

/** How many of the selection belong to this town: what the review says will be acted on. */
export async function countSelectedRequests(tenant: { id: string }, ids: string[]): Promise<number> {
  return forTenant(tenant.id).helpRequest.count({ where: { id: { in: ids } } });
}

/** A request's urgency, changed by staff with one audit entry; a closed request keeps the urgency it had. */
export async function setUrgency(tenant: { id: string }, actorId: string, id: string, urgency: Urgency): Promise<void> {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const { count } = await tx.helpRequest.updateMany({ where: { id, status: { in: ["NEW", "OPEN", "MATCHED"] } }, data: { urgency } });
    if (count === 0) throw new InvalidTransition("requestClosed");
    await writeAudit(tenant, { actorId, action: "request.triage", subjectType: "HelpRequest", subjectId: id, details: { urgency, bulk: true } }, tx);
  });
}

/**
 * The best-ranked volunteer who may take the request: one who offered and is
 * still waiting, or one who has not answered yet; not one already given a
 * request in this run (the ranking counts only assignments already made, so
 * without this one nearby volunteer would get the whole selection).
 */
async function topCandidate(tenant: { id: string }, requestId: string, taken: Set<string>) {
  const ranked = await rankCandidates(tenant, requestId);
  return ranked.find((c) => (c.responseStatus === null || c.responseStatus === "PENDING") && !taken.has(c.id)) ?? null;
}

/**
 * Runs one action over a selection of requests, each on its own: every item is
 * re-checked by the same function the single-item form uses (status
 * transitions, a request matched meanwhile, the volunteer still active) and
 * writes its own audit entry. What could not be done is reported, with why;
 * ids that are not this town's are reported as not found and never touched.
 */
export async function bulkRequests(tenant: Tenant<"slug" | "defaultLocale">, actorId: string, ids: string[], opts: BulkRequestOptions): Promise<BulkItem[]> {
  const rows = await selected(tenant, ids, opts.locale);
  const taken = new Set<string>();
  const results: BulkItem[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) {
      results.push(skipped(id, id, "notFound"));
      continue;
    }
    try {
      results.push(await one(tenant, actorId, row, opts, taken));
    } catch (error) {
      if (error instanceof InvalidTransition) results.push(skipped(id, row.reference, error.key));
      else if (error instanceof InvalidInput) results.push(skipped(id, row.reference, Object.values(error.errors)[0] ?? "invalidChoice"));
      else if (error instanceof NotFoundInTenant) results.push(skipped(id, row.reference, "notFound"));
      else throw error;
    }
  }
  return results;
}

async function one(tenant: Tenant<"slug" | "defaultLocale">, actorId: string, row: Row, opts: BulkRequestOptions, taken: Set<string>): Promise<BulkItem> {
  switch (opts.op) {
    case "publish": {
      if (row.status === "OPEN") return skipped(row.id, row.reference, "alreadyPublished");
      const summary = publishSchema.shape.publicSummary.safeParse(row.publicSummary || opts.suggestSummary({ category: row.category, place: row.neighbourhood || row.postcode }));
      if (!summary.success) return skipped(row.id, row.reference, "summaryMissing");
      await publishRequest(tenant, actorId, row.id, summary.data);
      return done(row.id, row.reference);
    }
    case "done":
    case "cancel":
      await changeStatus(tenant, actorId, row.id, opts.op === "done" ? "DONE" : "CANCELLED");
      return done(row.id, row.reference);
    case "urgency":
      await setUrgency(tenant, actorId, row.id, opts.urgency ?? "NORMAL");
      return done(row.id, row.reference);
    case "assign": {
      if (row.status !== "OPEN") throw new InvalidTransition(row.status === "MATCHED" ? "alreadyMatched" : row.status === "NEW" ? "notPublished" : "requestClosed");
      const candidate = await topCandidate(tenant, row.id, taken);
      if (!candidate) return skipped(row.id, row.reference, "noCandidate");
      await assignVolunteers(tenant, actorId, row.id, [candidate.id]);
      taken.add(candidate.id);
      return done(row.id, row.reference, { key: "assigned", name: candidate.name });
    }
  }
}
