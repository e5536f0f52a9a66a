import { renderToBuffer } from "@react-pdf/renderer";
import { NotFoundInTenant } from "@/lib/errors";
import { helpCertificate } from "@/lib/help-record/certificate";
import { confirmedForVolunteer } from "@/lib/help-record/queries";
import { listCategories } from "@/lib/categories/queries";
import type { Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";

type Town = { id: string; slug: string; name: string; primaryColor: string; timeZone: string; defaultLocale: Locale };

/** The signed-in volunteer's certificate of confirmed help in this town, in `locale`. */
export async function helpCertificatePdf(tenant: Town, userId: string, locale: Locale, now = new Date()): Promise<Response> {
  const profile = await forTenant(tenant.id).volunteerProfile.findFirst({ where: { userId }, select: { name: true } });
  if (!profile) throw new NotFoundInTenant("volunteer");
  const [rows, categories] = await Promise.all([confirmedForVolunteer(tenant, userId), listCategories(tenant, locale, { retired: true })]);
  const names = new Map(categories.map((c) => [c.id, c.label]));
  const lines = rows.map((r) => ({ category: names.get(r.categoryId) ?? "—", minutes: r.minutes, visits: r.visits, first: r.first, last: r.last }))
    .sort((a, b) => a.category.localeCompare(b.category));
  const pdf = await renderToBuffer(helpCertificate({ town: tenant, volunteer: profile.name, lines, locale, made: now }));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${tenant.slug}-certificate.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
