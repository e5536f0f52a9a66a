import { localDay } from "@/lib/notifications/policy";
import { forTenant } from "@/lib/tenancy/for-tenant";

/** A day's list stays short; past this many, the page says only the first are shown. */
export const CALLBACK_LIMIT = 200;

const ROW = {
  id: true, reason: true, dueAt: true, calledAt: true,
  calledBy: { select: { name: true, email: true } },
  request: { select: { id: true, reference: true, residentName: true, residentPhone: true } },
} as const;

/**
 * The staff's callback list: every call still owed, earliest deadline first
 * (a deadline is at most days away, so this is a day's work), and the calls
 * made today on the town's clock, latest first. Both bounded, both on the
 * (tenantId, calledAt, dueAt) index.
 */
export async function callbackList(tenant: { id: string }, now = new Date()) {
  const db = forTenant(tenant.id);
  const town = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { timeZone: true } });
  const today = localDay(now, town.timeZone);
  const [open, done] = await Promise.all([
    db.callback.findMany({ where: { calledAt: null }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: CALLBACK_LIMIT + 1, select: ROW }),
    db.callback.findMany({ where: { calledAt: { gte: today.start, lt: today.end } }, orderBy: [{ calledAt: "desc" }, { id: "asc" }], take: CALLBACK_LIMIT, select: ROW }),
  ]);
  return { open: open.slice(0, CALLBACK_LIMIT), more: open.length > CALLBACK_LIMIT, done };
}

export type CallbackRow = Awaited<ReturnType<typeof callbackList>>["open"][number];
