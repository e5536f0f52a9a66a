import { isDatabaseUnavailable } from "@/lib/db/errors";
import { localized, type Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type CategoryView = { id: string; key: string; label: string };
type Row = { id: string; key: string; labels: unknown };

// The request form shows a town's categories on every view, and they only
// change when a town is created: keep them in memory briefly, so a burst of
// residents (or a database restart mid-submission) does not need the database
// to render the form again.
const TTL_MS = 30_000;
const cache = new Map<string, { rows: Row[]; expires: number }>();

async function activeCategories(tenantId: string): Promise<Row[]> {
  const hit = cache.get(tenantId);
  if (hit && hit.expires > Date.now()) return hit.rows;
  let rows: Row[];
  try {
    rows = await forTenant(tenantId).category.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, key: true, labels: true },
    });
  } catch (error) {
    if (hit && isDatabaseUnavailable(error)) return hit.rows;
    throw error;
  }
  cache.set(tenantId, { rows, expires: Date.now() + TTL_MS });
  return rows;
}

/** A town's active categories, in its chosen order, labelled in `locale`. */
export async function listCategories(tenant: { id: string; defaultLocale: Locale }, locale: Locale): Promise<CategoryView[]> {
  const rows = await activeCategories(tenant.id);
  return rows.map((c) => ({ id: c.id, key: c.key, label: localized(c.labels, locale, tenant.defaultLocale) }));
}
