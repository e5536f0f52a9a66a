import { localized, type Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type CategoryView = { id: string; key: string; label: string };

/** A town's active categories, in its chosen order, labelled in `locale`. */
export async function listCategories(tenant: { id: string; defaultLocale: Locale }, locale: Locale): Promise<CategoryView[]> {
  const rows = await forTenant(tenant.id).category.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, labels: true },
  });
  return rows.map((c) => ({ id: c.id, key: c.key, label: localized(c.labels, locale, tenant.defaultLocale) }));
}
