import type { Locale } from "@/lib/i18n/locales";
import { listCategories } from "@/lib/categories/queries";
import { forTenant } from "@/lib/tenancy/for-tenant";

const PENDING_SHOWN = 100;
const OWN_SHOWN = 200;

type Town = { id: string; defaultLocale: Locale };

async function labels(tenant: Town, locale: Locale) {
  const categories = await listCategories(tenant, locale, { retired: true });
  return new Map(categories.map((c) => [c.id, c.label]));
}

/** A volunteer's finished assignments with what they logged, and their confirmed totals per category. */
export async function myHelp(tenant: Town, userId: string, locale: Locale) {
  const db = forTenant(tenant.id);
  const [assignments, names] = await Promise.all([
    db.assignment.findMany({
      where: { volunteer: { userId }, doneAt: { not: null } },
      select: {
        id: true, doneAt: true, request: { select: { reference: true, categoryId: true } },
        helpLog: { select: { day: true, minutes: true, visits: true, status: true } },
      },
      orderBy: { doneAt: "desc" }, take: OWN_SHOWN,
    }),
    labels(tenant, locale),
  ]);
  const confirmed = await confirmedForVolunteer(tenant, userId);
  return {
    assignments: assignments.map((a) => ({ id: a.id, doneAt: a.doneAt!, reference: a.request.reference, category: names.get(a.request.categoryId) ?? "—", log: a.helpLog })),
    totals: confirmed.map((c) => ({ category: names.get(c.categoryId) ?? "—", minutes: c.minutes, visits: c.visits })),
  };
}

/** Confirmed minutes and visits per category for one volunteer, optionally within [from, to] (days). */
export async function confirmedForVolunteer(tenant: { id: string }, userId: string, range?: { from: Date; to: Date }) {
  const rows = await forTenant(tenant.id).helpLog.groupBy({
    by: ["categoryId"],
    where: { status: "CONFIRMED", volunteer: { userId }, ...(range ? { day: { gte: range.from, lte: range.to } } : {}) },
    _sum: { minutes: true, visits: true },
    _min: { day: true }, _max: { day: true },
  });
  return rows.map((r) => ({ categoryId: r.categoryId, minutes: r._sum.minutes ?? 0, visits: r._sum.visits ?? 0, first: r._min.day, last: r._max.day }));
}

/** Logs waiting for a coordinator, oldest first. */
export async function pendingHelp(tenant: Town, locale: Locale) {
  const [rows, names] = await Promise.all([
    forTenant(tenant.id).helpLog.findMany({
      where: { status: "PENDING" },
      select: { id: true, day: true, minutes: true, visits: true, categoryId: true, volunteer: { select: { name: true } }, assignment: { select: { request: { select: { id: true, reference: true } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: PENDING_SHOWN,
    }),
    labels(tenant, locale),
  ]);
  return rows.map((r) => ({ id: r.id, day: r.day, minutes: r.minutes, visits: r.visits, category: names.get(r.categoryId) ?? "—", volunteer: r.volunteer.name, request: r.assignment.request }));
}

/**
 * The dashboard's confirmed hours per category over its period: one grouped
 * read of the (tenantId, status, day, categoryId, minutes) index range, never
 * the town's whole history.
 */
export async function confirmedHoursByCategory(tenant: Town, fromDay: string, toDay: string, locale: Locale) {
  const [rows, names] = await Promise.all([
    forTenant(tenant.id).helpLog.groupBy({
      by: ["categoryId"],
      where: { status: "CONFIRMED", day: { gte: new Date(`${fromDay}T00:00:00.000Z`), lte: new Date(`${toDay}T00:00:00.000Z`) } },
      _sum: { minutes: true },
    }),
    labels(tenant, locale),
  ]);
  return rows.map((r) => ({ category: names.get(r.categoryId) ?? "—", minutes: r._sum.minutes ?? 0 })).sort((a, b) => b.minutes - a.minutes);
}
