import { emailTranslator } from "@/lib/email/translator";
import { describeWhen, WHEN_SELECT, whenFromColumns } from "@/lib/when/when";
import { isLocale, localized, type Locale } from "@/lib/i18n/locales";
import { rankCandidates } from "@/lib/matching/candidates";
import { VOLUNTEER_CHANNELS, volunteerContact } from "@/lib/notifications/contacts";
import { notify } from "@/lib/notifications/notify";
import { forTenant } from "@/lib/tenancy/for-tenant";
import { publicTownUrl } from "@/lib/tenancy/urls";
import { DAY_MS } from "@/lib/dates/durations";
import type { TenantRow } from "@/lib/tenancy/tenant";

/** However many volunteers fit, a request is announced to at most this many (the best-ranked). */
export const DIGEST_REACH = 15;

/**
 * The daily "new requests near you" mail. Each request published in the last
 * day goes to its best-ranked volunteers only, and each volunteer gets one
 * mail listing all of theirs, so a request never triggers mail to hundreds.
 * Counts as a notification: the town's daily cap applies.
 */
export async function sendVolunteerDigests(tenant: TenantRow<"slug" | "defaultLocale">, now = new Date()): Promise<number> {
  const db = forTenant(tenant.id);
  const fresh = await db.helpRequest.findMany({
    where: { status: "OPEN", publishedAt: { gt: new Date(now.getTime() - DAY_MS), lte: now } },
    select: { id: true, neighbourhood: true, postcode: true, recurrence: true, ...WHEN_SELECT, category: { select: { labels: true } } },
  });
  const perVolunteer = new Map<string, { id: string; requestIds: string[] }>();
  for (const r of fresh) {
    const ranked = (await rankCandidates(tenant, r.id, DIGEST_REACH)).filter((c) => c.responseStatus === null);
    for (const c of ranked) {
      const entry = perVolunteer.get(c.id) ?? { id: c.id, requestIds: [] };
      entry.requestIds.push(r.id);
      perVolunteer.set(c.id, entry);
    }
  }
  if (perVolunteer.size === 0) return 0;
  const volunteers = await db.volunteerProfile.findMany({
    where: { id: { in: [...perVolunteer.keys()] } },
    select: { ...VOLUNTEER_CHANNELS, languages: true, user: { select: { email: true } } },
  });
  const fallback: Locale = isLocale(tenant.defaultLocale) ? tenant.defaultLocale : "nl";
  const byId = new Map(fresh.map((r) => [r.id, r]));
  for (const v of volunteers) {
    const locale = v.languages.find(isLocale) ?? fallback;
    const t = await emailTranslator(locale);
    const items = perVolunteer.get(v.id)!.requestIds.map((id) => {
      const r = byId.get(id)!;
      const when = describeWhen(whenFromColumns(r), locale, (k, values) => t(`when.${k}`, values), r.recurrence === "WEEKLY");
      return `${localized(r.category.labels, locale, fallback)} · ${r.neighbourhood || r.postcode} · ${when}`;
    });
    await db.$transaction((tx) =>
      notify(tx, tenant, {
        to: volunteerContact(v.user, v), template: "volunteer-digest", kind: "NOTIFICATION", locale,
        data: { items, url: publicTownUrl(tenant.slug, "/volunteer") },
      }, now),
    );
  }
  return volunteers.length;
}
