import type { CheckKind } from "@/lib/checks/kinds";
import { writeAudit } from "@/lib/audit/log";
import { InvalidInput, NotFoundInTenant } from "@/lib/errors";
import { FormError } from "@/lib/forms/form-error";
import type { Locale } from "@/lib/i18n/locales";
import { forTenant, type TenantDb } from "@/lib/tenancy/for-tenant";
import { invalidateCategories } from "@/lib/categories/queries";
import { keyFromLabel, labelField, type CategoryLabels } from "@/lib/categories/schemas";

// A town admin's edits to the town's categories. Requests point at their
// category for good, so a category is never deleted: it is retired (no longer
// offered to residents and volunteers) and keeps its labels for the requests,
// filters, statistics and history that name it. Every edit is audited and
// refreshes this process's category cache at once.

type Town = { id: string; locales: Locale[] };
type Tx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];

export type AdminCategory = { id: string; key: string; labels: Partial<Record<Locale, string>>; active: boolean; requests: number; requiredChecks: CheckKind[] };

/** Every category of the town, in order, with its labels and how many requests name it. */
export async function categoriesForAdmin(tenant: { id: string }): Promise<AdminCategory[]> {
  const rows = await forTenant(tenant.id).category.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, key: true, labels: true, active: true, requiredChecks: true, _count: { select: { requests: true } } },
  });
  return rows.map(({ _count, labels, ...c }) => ({ ...c, labels: labels as AdminCategory["labels"], requests: _count.requests }));
}

/** Two categories may not read the same in one language: residents could not tell them apart. */
async function refuseTakenLabels(tx: Tx, town: Town, labels: CategoryLabels, except?: string) {
  const others = await tx.category.findMany({ where: except ? { id: { not: except } } : {}, select: { labels: true } });
  const errors: Record<string, string> = {};
  for (const [locale, text] of Object.entries(labels) as [Locale, string][]) {
    const taken = others.some((o) => (o.labels as Partial<Record<Locale, string>>)[locale]?.toLocaleLowerCase(locale) === text.toLocaleLowerCase(locale));
    if (taken) errors[labelField(locale)] = "categoryLabelTaken";
  }
  if (Object.keys(errors).length) throw new InvalidInput(errors);
}

async function audited<T>(town: Town, actorId: string, action: string, run: (tx: Tx) => Promise<{ id: string; details: Record<string, unknown>; result?: T }>) {
  const outcome = await forTenant(town.id).$transaction(async (tx) => {
    const done = await run(tx);
    await writeAudit(town, { actorId, action, subjectType: "Category", subjectId: done.id, details: done.details as never }, tx);
    return done;
  });
  invalidateCategories(town.id);
  return outcome;
}

/** A new category, last in the list, with a key made from its label in the town's first language. */
export async function addCategory(town: Town & { defaultLocale: Locale }, actorId: string, labels: CategoryLabels) {
  return audited(town, actorId, "category.add", async (tx) => {
    await refuseTakenLabels(tx, town, labels);
    const base = keyFromLabel(labels[town.defaultLocale] ?? Object.values(labels)[0] ?? "");
    const keys = new Set((await tx.category.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((c) => c.key));
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    const last = await tx.category.aggregate({ _max: { position: true } });
    const created = await tx.category.create({ data: { tenantId: town.id, key, labels, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    return { id: created.id, details: { key, labels } };
  });
}

async function existing(tx: Tx, id: string) {
  const category = await tx.category.findFirst({ where: { id }, select: { id: true, labels: true, active: true } });
  if (!category) throw new NotFoundInTenant("category");
  return category;
}

/** New labels in the languages the town offers; labels in other languages are kept. */
export async function renameCategory(town: Town, actorId: string, id: string, labels: CategoryLabels) {
  return audited(town, actorId, "category.rename", async (tx) => {
    const before = await existing(tx, id);
    await refuseTakenLabels(tx, town, labels, id);
    await tx.category.update({ where: { tenantId_id: { tenantId: town.id, id } }, data: { labels: { ...(before.labels as object), ...labels } } });
    return { id, details: { before: before.labels, after: labels } };
  });
}

/** Retires a category (refused for the last active one: the request form needs one) or brings it back. */
export async function setCategoryActive(town: Town, actorId: string, id: string, active: boolean) {
  return audited(town, actorId, active ? "category.restore" : "category.retire", async (tx) => {
    await existing(tx, id);
    // Locks the town's active categories, so two admins retiring the last two at once cannot both succeed.
    const others = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Category" WHERE "tenantId" = ${town.id} AND active AND id <> ${id} FOR UPDATE`;
    if (!active && others.length === 0) throw new FormError("lastCategory");
    await tx.category.update({ where: { tenantId_id: { tenantId: town.id, id } }, data: { active } });
    return { id, details: {} };
  });
}

/** Moves a category one place up or down; positions are renumbered 0…n−1 on the way. */
export async function moveCategory(town: Town, actorId: string, id: string, direction: "up" | "down") {
  return audited(town, actorId, "category.move", async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Category" WHERE "tenantId" = ${town.id} FOR UPDATE`;
    const order = (await tx.category.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, position: true } }));
    const from = order.findIndex((c) => c.id === id);
    if (from < 0) throw new NotFoundInTenant("category");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to], order[from]];
    for (const [position, c] of order.entries()) {
      if (c.position !== position) await tx.category.update({ where: { tenantId_id: { tenantId: town.id, id: c.id } }, data: { position } });
    }
    return { id, details: { direction, position: Math.max(0, Math.min(to, order.length - 1)) } };
  });
}
