import { localized, type Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type CategoryView = { id: string; key: string; label: string };
type Row = { id: string; key: string; labels: unknown };

// A town's categories are written once, when the town is created (there is no
// editor), and read on most of its pages: kept in memory for a while, like the
// town itself (lib/tenancy/resolve.ts). A future editor must clear this entry.
const KEEP_MS = 30_000;
const kept = new Map<string, { rows: Promise<Row[]>; until: number }>();

function activeCategories(tenantId: string): Promise<Row[]> {
  const hit = kept.get(tenantId);
  if (hit && hit.until > Date.now()) return hit.rows;
  const rows = forTenant(tenantId).category.findMany({
    where: { active: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, labels: true },
  });
  kept.set(tenantId, { rows, until: Date.now() + KEEP_MS });
  rows.catch(() => {
    if (kept.get(tenantId)?.rows === rows) kept.delete(tenantId);
  });
  return rows;
}

/** A town's active categories, in its chosen order, labelled in `locale`. */
export async function listCategories(tenant: { id: string; defaultLocale: Locale }, locale: Locale): Promise<CategoryView[]> {
  const rows = await activeCategories(tenant.id);
  return rows.map((c) => ({ id: c.id, key: c.key, label: localized(c.labels, locale, tenant.defaultLocale) }));
}
