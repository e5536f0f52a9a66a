import { getLocale, getTranslations } from "next-intl/server";
import { AdminStep, AreasStep, BrandingStep, CategoriesStep, MunicipalityStep, PlanStep, SubdomainStep } from "@/components/signup/steps";
import { billingEnabled } from "@/lib/billing/stripe";
import { annualPriceCents, PRICE_PER_RESIDENT_CENTS } from "@/lib/billing/plans";
import { asCountry } from "@/lib/locale/country";
import { formatPrice } from "@/lib/locale/format";
import { formatPhone } from "@/lib/phone/normalize";
import { STANDARD_CATEGORIES } from "@/lib/categories/standard";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { saveStepAction } from "@/lib/signup/actions";
import { currentDraft } from "@/lib/signup/draft";
import { municipalities } from "@/lib/signup/municipalities";
import { STEPS, type SignupData } from "@/lib/signup/schemas";
import { rootName } from "@/lib/tenancy/urls";
import { redirect } from "next/navigation";

type Props = { searchParams: Promise<{ step?: string; taken?: string }> };

/** Defaults for a step's fields: what was typed last (kept on "back"), else what was saved. */
function defaultsFor(step: (typeof STEPS)[number], d: SignupData): Record<string, string> {
  const raw = d.raw?.[step];
  if (raw) return raw;
  switch (step) {
    case "municipality":
      return d.municipality ? { ...d.municipality, population: String(d.municipality.population) } : {};
    case "subdomain":
      return d.subdomain ?? {};
    case "branding":
      return d.branding ? { ...d.branding, phone: formatPhone(d.branding.phone, asCountry(d.municipality?.country)), email: d.branding.email ?? "", locales: d.branding.locales.join(","), logo: "" } : {};
    case "areas":
      return { areas: (d.areas ?? []).map((a) => `${a.postcode}; ${a.name}`).join("\n") };
    case "admin":
      return d.admin ?? (d.municipality ? { adminName: d.municipality.contactName, adminEmail: d.municipality.contactEmail } : {});
    default:
      return {};
  }
}

export default async function SignUpWizard({ searchParams }: Props) {
  const [{ step: stepParam, taken }, draft, t, locale] = await Promise.all([searchParams, currentDraft(), getTranslations("signup"), getLocale()]);
  if (draft.tenantId) redirect("/start/done");
  const requested = Number(stepParam) || draft.step;
  // Never further than the furthest step reached.
  const number = Math.min(Math.max(1, requested), Math.max(1, draft.step), STEPS.length);
  const step = STEPS[number - 1];
  const d = draft.data;
  const action = saveStepAction.bind(null, step);
  const locales = d.branding?.locales ?? [...LOCALES];
  const rootDomain = rootName();

  return (
    <section aria-labelledby="wizard" className="flex flex-col gap-5">
      <h1 id="wizard" className="text-3xl font-bold">{t("title")}</h1>
      <nav aria-label={t("progress")}>
        <ol className="flex flex-wrap gap-2">
          {STEPS.map((s, i) => (
            <li key={s} aria-current={i + 1 === number ? "step" : undefined}
              className="rounded border-2 border-blue-900 px-3 py-1 aria-[current=step]:bg-blue-900 aria-[current=step]:font-bold aria-[current=step]:text-white">
              {i + 1 < number ? <a href={`/start?step=${i + 1}`} className="underline">{t(`steps.${s}`)}</a> : t(`steps.${s}`)}
            </li>
          ))}
        </ol>
      </nav>
      <h2 className="text-2xl font-bold" data-testid="step-title">{t("stepOf", { n: number, total: STEPS.length, name: t(`steps.${step}`) })}</h2>
      {taken && step === "subdomain" && <p role="alert" className="font-semibold text-red-800">{t("takenMeanwhile")}</p>}
      {step === "municipality" && (
        <MunicipalityStep action={action} defaults={defaultsFor(step, d)} suggestions={municipalities(d.municipality?.country ?? "BE").slice(0, 800).map((m) => m.name)} />
      )}
      {step === "subdomain" && <SubdomainStep action={action} defaults={defaultsFor(step, d)} rootDomain={rootDomain} />}
      {step === "branding" && <BrandingStep action={action} defaults={defaultsFor(step, d)} hasLogo={!!d.branding?.logo} />}
      {step === "categories" && (
        <CategoriesStep action={action} locales={locales} rows={(d.categories ?? STANDARD_CATEGORIES.map((c) => ({ key: c.key, labels: { ...c.labels } }))) as { key: string; labels: Record<string, string> }[]} />
      )}
      {step === "areas" && <AreasStep action={action} defaults={defaultsFor(step, d)} />}
      {step === "admin" && <AdminStep action={action} defaults={defaultsFor(step, d)} />}
      {step === "plan" && (
        <PlanStep
          action={action}
          billing={billingEnabled()}
          price={{ year: d.municipality ? formatPrice(annualPriceCents(d.municipality.population), locale) : "—", resident: formatPrice(PRICE_PER_RESIDENT_CENTS, locale) }}
          summary={[
            [t("steps.municipality"), d.municipality?.name ?? "—"],
            [t("steps.subdomain"), d.subdomain ? `${d.subdomain.slug}.${rootDomain}` : "—"],
            [t("phoneLabel"), d.branding ? formatPhone(d.branding.phone, asCountry(d.municipality?.country)) : "—"],
            [t("localesLabel"), (d.branding?.locales ?? []).map((l) => LOCALE_NAMES[l]).join(", ")],
            [t("steps.categories"), String(d.categories?.length ?? 0)],
            [t("steps.areas"), String(d.areas?.length ?? 0)],
            [t("steps.admin"), d.admin?.adminEmail ?? "—"],
          ]}
        />
      )}
    </section>
  );
}
