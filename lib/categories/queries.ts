import { isDatabaseUnavailable } from "@/lib/db/errors";
import { localized, type Locale } from "@/lib/i18n/locales";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type CategoryView = { id: string; key: string; label: string; active: boolean };
type Row = { id: string; key: string; labels: unknown; active: boolean };

// The request form shows a town's categories on every view, and they change
// rarely (a town admin's edit, lib/categories/admin.ts): keep them in memory
// briefly, so a burst of residents (or a database restart mid-submission) does
// not need the database to render the form again. An edit invalidates this
// process's copy at once; other instances of the web server keep theirs until
// it expires, so there an edit shows up to 30 s late (no instance ever offers
// a retired category for longer, and submitting one is refused anyway:
// lib/requests/mutations.ts checks `active` in the database).
const TTL_MS = 30_000;
const cache = new Map<string, { rows: Row[]; expires: number }>();

/** Every category of the town, retired ones too, in its chosen order. */
async function categoryRows(tenantId: string): Promise<Row[]> {
  const hit = cache.get(tenantId);
  if (hit && hit.expires > Date.now()) return hit.rows;
  let rows: Row[];
  try {
    rows = await forTenant(tenantId).category.findMany({
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, key: true, labels: true, active: true },
    });
  } catch (error) {
    if (hit && isDatabaseUnavailable(error)) return hit.rows;
    throw error;
  }
  cache.set(tenantId, { rows, expires: Date.now() + TTL_MS });
  return rows;
}

/** Forgets this process's copy of a town's categories, after an edit. */
export function invalidateCategories(tenantId: string) {
  cache.delete(tenantId);
}

/**
 * A town's categories, in its chosen order, labelled in `locale`: the active
 * ones (what residents and volunteers are offered), or with `retired` also the
 * retired ones (staff filters, which must still find older requests).
 */
export async function listCategories(tenant: { id: string; defaultLocale: Locale }, locale: Locale, { retired = false } = {}): Promise<CategoryView[]> {
  const rows = await categoryRows(tenant.id);
  return rows
    .filter((c) => retired || c.active)
    .map((c) => ({ id: c.id, key: c.key, label: localized(c.labels, locale, tenant.defaultLocale), active: c.active }));
}
