import { callbackList } from "@/lib/callbacks/list";
import { localized, type Locale } from "@/lib/i18n/locales";
import { localDay } from "@/lib/notifications/policy";
import { WHEN_SELECT, whenFromColumns } from "@/lib/when/when";
import { forTenant } from "@/lib/tenancy/for-tenant";
import type { Tenant } from "@/lib/tenancy/tenant";

/** Each part of the day's list stays printable; past this many the page says only the first are shown. */
export const TODAY_LIMIT = 100;

const ROW = {
  id: true, reference: true, status: true, urgency: true, neighbourhood: true, postcode: true, timeWindow: true, recurrence: true, createdAt: true,
  ...WHEN_SELECT, category: { select: { labels: true } },
} as const;

/**
 * The phone desk's day on one sheet: the calls owed by the end of the town's
 * day (overdue first), requests still waiting to be read (new), and urgent
 * ones nobody has been assigned to yet (open). Requests carry no personal
 * data here; the calls carry the name and number the desk needs to call.
 */
export async function todayList(tenant: Tenant<"defaultLocale" | "timeZone">, locale: Locale, now = new Date()) {
  const db = forTenant(tenant.id);
  const today = localDay(now, tenant.timeZone);
  const [calls, fresh, urgent] = await Promise.all([
    callbackList(tenant, now),
    db.helpRequest.findMany({ where: { status: "NEW" }, select: ROW, orderBy: [{ urgency: "desc" }, { createdAt: "asc" }], take: TODAY_LIMIT + 1 }),
    db.helpRequest.findMany({ where: { status: "OPEN", urgency: "HIGH" }, select: ROW, orderBy: [{ createdAt: "asc" }], take: TODAY_LIMIT + 1 }),
  ]);
  const shape = (rows: typeof fresh) => ({
    rows: rows.slice(0, TODAY_LIMIT).map(({ category, ...r }) => ({ ...r, when: whenFromColumns(r), category: localized(category.labels, locale, tenant.defaultLocale) })),
    more: rows.length > TODAY_LIMIT,
  });
  const due = calls.open.filter((c) => c.dueAt < today.end);
  return { callbacks: { rows: due.slice(0, TODAY_LIMIT), more: calls.more || due.length > TODAY_LIMIT }, fresh: shape(fresh), urgent: shape(urgent) };
}
