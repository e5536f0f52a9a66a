import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequiredChecksForm } from "@/components/checks/check-forms";
import { ActionButton, AddCategoryForm, RenameCategoryForm } from "@/components/settings/structure-forms";
import { ADMIN_ROLES, requireRole } from "@/lib/auth/guard";
import { categoryChecksAction } from "@/lib/checks/actions";
import { moveCategoryAction, renameCategoryAction, restoreCategoryAction, retireCategoryAction } from "@/lib/categories/actions";
import { categoriesForAdmin } from "@/lib/categories/admin";
import { currentLocale } from "@/lib/i18n/current";
import { localized, type Locale } from "@/lib/i18n/locales";
import { currentTenant } from "@/lib/tenancy/current";

/** A town admin's help categories: add, rename per language, retire or bring back, order with buttons. */
export default async function CategorySettings() {
  const tenant = await currentTenant();
  await requireRole(tenant, ADMIN_ROLES);
  const [t, tc, locale, categories] = await Promise.all([getTranslations("structure"), getTranslations("checks"), currentLocale(tenant.defaultLocale), categoriesForAdmin(tenant)]);
  const name = (labels: Partial<Record<Locale, string>>) => localized(labels, locale, tenant.defaultLocale);
  const card = "flex min-w-0 flex-col gap-3 rounded-card bg-white p-4 shadow-sm";
  return (
    <div className="flex flex-col gap-6">
      <p><Link href="/settings" className="underline">{t("backToSettings")}</Link></p>
      <h1 className="text-3xl font-bold">{t("categoriesTitle")}</h1>
      <p className="max-w-3xl">{t("categoriesIntro")}</p>
      <ol className="flex flex-col gap-4" data-testid="categories">
        {categories.map((c, i) => (
          <li key={c.id} className={card} data-testid="category" data-key={c.key}>
            <h2 className="flex flex-wrap items-baseline gap-3 text-xl font-bold">
              <span>{name(c.labels)}</span>
              <span className={`rounded px-2 py-0.5 text-base font-semibold ${c.active ? "bg-green-100 text-green-900" : "bg-zinc-200 text-zinc-900"}`}>{t(c.active ? "active" : "retired")}</span>
              <span className="text-base font-normal text-zinc-700">{t("requestCount", { count: c.requests })} · {t("position", { position: i + 1, total: categories.length })}</span>
            </h2>
            <RenameCategoryForm action={renameCategoryAction.bind(null, c.id)} locales={tenant.locales} labels={c.labels} id={c.id} />
            <RequiredChecksForm action={categoryChecksAction.bind(null, c.id)} kinds={c.requiredChecks} id={`checks-${c.id}`} label={tc("requiredFor", { name: name(c.labels) })} />
            <div className="flex flex-wrap gap-2">
              <ActionButton action={moveCategoryAction.bind(null, c.id)} fields={{ direction: "up" }} disabled={i === 0} label={t("moveUp", { name: name(c.labels) })} />
              <ActionButton action={moveCategoryAction.bind(null, c.id)} fields={{ direction: "down" }} disabled={i === categories.length - 1} label={t("moveDown", { name: name(c.labels) })} />
              {c.active
                ? <ActionButton action={retireCategoryAction.bind(null, c.id)} danger label={t("retire", { name: name(c.labels) })} />
                : <ActionButton action={restoreCategoryAction.bind(null, c.id)} label={t("restore", { name: name(c.labels) })} />}
            </div>
          </li>
        ))}
      </ol>
      <section aria-labelledby="new-category" className={card}>
        <h2 id="new-category" className="text-xl font-bold">{t("addCategoryTitle")}</h2>
        <AddCategoryForm locales={tenant.locales} />
      </section>
    </div>
  );
}
