import { writeAudit } from "@/lib/audit/log";
import { CHECK_KINDS, type CheckKind } from "@/lib/checks/kinds";
import { NotFoundInTenant } from "@/lib/errors";
import { forTenant } from "@/lib/tenancy/for-tenant";

export type CheckTerms = { kind: CheckKind; validMonths: number; name: string; text: string };

/** How long a confirmation holds when the town has not said (three years, as many schemes renew). */
export const DEFAULT_VALID_MONTHS = 36;

/** The town's terms for every kind; kinds it never set get the default validity and no name. */
export async function townCheckTerms(tenant: { id: string }): Promise<Record<CheckKind, CheckTerms>> {
  const rows = await forTenant(tenant.id).checkPolicy.findMany({ select: { kind: true, validMonths: true, name: true, text: true } });
  const set = new Map(rows.map((r) => [r.kind, r]));
  return Object.fromEntries(CHECK_KINDS.map((kind) => [kind, set.get(kind) ?? { kind, validMonths: DEFAULT_VALID_MONTHS, name: "", text: "" }])) as Record<CheckKind, CheckTerms>;
}

/** An admin sets one kind's terms (validity; the extract's name; the training's title and text). */
export async function saveCheckTerms(tenant: { id: string }, actorId: string, terms: CheckTerms) {
  const db = forTenant(tenant.id);
  await db.$transaction(async (tx) => {
    const data = { validMonths: terms.validMonths, name: terms.name, text: terms.text };
    await tx.checkPolicy.upsert({ where: { tenantId_kind: { tenantId: tenant.id, kind: terms.kind } }, update: data, create: { tenantId: tenant.id, kind: terms.kind, ...data } });
    await writeAudit(tenant, { actorId, action: "checks.terms", subjectType: "CheckPolicy", subjectId: terms.kind, details: { validMonths: terms.validMonths } }, tx);
  });
}

/** Which checks a category's requests need (none: an empty list). */
export async function setCategoryChecks(tenant: { id: string }, actorId: string, categoryId: string, kinds: CheckKind[]) {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const { count } = await tx.category.updateMany({ where: { id: categoryId }, data: { requiredChecks: kinds } });
    if (count === 0) throw new NotFoundInTenant("category");
    await writeAudit(tenant, { actorId, action: "checks.category", subjectType: "Category", subjectId: categoryId, details: { kinds } }, tx);
  });
}

/** Which checks a partner vacancy needs, set by the town (not by the partner). */
export async function setVacancyChecks(tenant: { id: string }, actorId: string, vacancyId: string, kinds: CheckKind[]) {
  await forTenant(tenant.id).$transaction(async (tx) => {
    const { count } = await tx.vacancy.updateMany({ where: { id: vacancyId }, data: { requiredChecks: kinds } });
    if (count === 0) throw new NotFoundInTenant("vacancy");
    await writeAudit(tenant, { actorId, action: "checks.vacancy", subjectType: "Vacancy", subjectId: vacancyId, details: { kinds } }, tx);
  });
}

/** Open vacancies with the checks the town asks for them, for the settings page. */
export async function vacanciesWithChecks(tenant: { id: string }) {
  return forTenant(tenant.id).vacancy.findMany({
    where: { status: "OPEN" },
    select: { id: true, title: true, requiredChecks: true, organisation: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
}
