"use client";

import { Fragment, useActionState, useEffect, useState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, RadioGroup, SelectField, TextField } from "@/components/forms/fields";
import { DataTable } from "@/components/ui/data-table";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { documentDate, LEGAL_VERSIONS } from "@/lib/legal/documents";
import { contrastRatio, MIN_CONTRAST } from "@/lib/signup/contrast";
import { COUNTRIES, TIME_ZONES } from "@/lib/locale/country";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** The frame of every step: errors on top, the fields, then Back / Next (both keep what was typed). */
function StepForm({ action, first, last, children, multipart }: { action: Action; first?: boolean; last?: ReactNode; children: (state: FormState) => ReactNode; multipart?: boolean }) {
  const t = useTranslations("signup");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate encType={multipart ? "multipart/form-data" : undefined} className="flex max-w-3xl flex-col gap-5">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      {children(state)}
      <div className="flex flex-wrap gap-3">
        {!first && (
          <button type="submit" name="direction" value="back" formNoValidate className="rounded border-2 border-blue-900 bg-white px-5 py-3 text-lg font-bold text-blue-900">
            {t("back")}
          </button>
        )}
        <button type="submit" name="direction" value="next" disabled={pending} className="rounded bg-blue-900 px-5 py-3 text-lg font-bold text-white disabled:opacity-60">
          {last ?? t("next")}
        </button>
      </div>
    </form>
  );
}

type Defaults = Record<string, string>;

export function MunicipalityStep({ action, defaults, suggestions }: { action: Action; defaults: Defaults; suggestions: string[] }) {
  const t = useTranslations("signup");
  return (
    <StepForm action={action} first>
      {(s) => {
        const v = { ...defaults, ...s.values };
        return (
          <>
            <TextField name="name" label={t("nameLabel")} hint={t("nameHint")} defaultValue={v.name} error={s.errors.name} list="municipalities" />
            <datalist id="municipalities">{suggestions.map((n) => <option key={n} value={n} />)}</datalist>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField name="country" label={t("countryLabel")} defaultValue={v.country ?? "BE"} options={COUNTRIES.map((c) => ({ value: c, label: t(`countries.${c}`) }))} error={s.errors.country} />
              <SelectField name="timeZone" label={t("timeZoneLabel")} defaultValue={v.timeZone ?? ""} error={s.errors.timeZone}
                options={[{ value: "", label: t("timeZoneSame") }, ...TIME_ZONES.map((z) => ({ value: z, label: z }))]} />
              <TextField name="population" label={t("populationLabel")} hint={t("populationHint")} inputMode="numeric" defaultValue={v.population} error={s.errors.population} optional />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="contactName" label={t("contactNameLabel")} autoComplete="name" defaultValue={v.contactName} error={s.errors.contactName} />
              <TextField name="contactEmail" label={t("contactEmailLabel")} type="email" autoComplete="email" defaultValue={v.contactEmail} error={s.errors.contactEmail} />
            </div>
          </>
        );
      }}
    </StepForm>
  );
}

type SlugStatus = { available: boolean; reason?: string; suggestions: string[] } | null;

export function SubdomainStep({ action, defaults, rootDomain }: { action: Action; defaults: Defaults; rootDomain: string }) {
  const t = useTranslations("signup");
  const te = useTranslations("form");
  const [slug, setSlug] = useState(defaults.slug ?? "");
  const [status, setStatus] = useState<SlugStatus>(null);
  useEffect(() => {
    if (!slug) return setStatus(null);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/signup/slug?slug=${encodeURIComponent(slug)}`, { signal: controller.signal })
        .then((r) => r.json())
        .then(setStatus, () => {});
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [slug]);
  return (
    <StepForm action={action}>
      {(s) => (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor="slug" className="font-semibold">{t("slugLabel")}</label>
            <p id="slug-hint" className="text-zinc-700">{t("slugHint", { root: rootDomain })}</p>
            <div className="flex flex-wrap items-center gap-1">
              <input id="slug" name="slug" value={slug} onChange={(e) => setSlug(e.target.value.toLowerCase())} aria-describedby="slug-hint slug-status"
                aria-invalid={!!s.errors.slug} autoComplete="off" className="w-64 min-w-0 max-w-full rounded border-2 border-zinc-700 bg-white px-3 py-2 text-lg" />
              <span className="text-lg break-all">.{rootDomain}</span>
            </div>
            <p id="slug-status" aria-live="polite" className="font-semibold" data-testid="slug-status">
              {status && (status.available ? t("slugAvailable") : te(`errors.${status.reason ?? "invalidSlug"}` as "errors.required"))}
              {status && !status.available && status.suggestions.length > 0 && ` ${t("slugSuggestions", { list: status.suggestions.join(", ") })}`}
            </p>
            {s.errors.slug && <p className="font-semibold text-red-800">{te(`errors.${s.errors.slug}` as "errors.required")}</p>}
          </div>
        </>
      )}
    </StepForm>
  );
}

export function BrandingStep({ action, defaults, hasLogo }: { action: Action; defaults: Defaults & { locales?: string }; hasLogo: boolean }) {
  const t = useTranslations("signup");
  const [colour, setColour] = useState(defaults.primaryColor ?? "#1d4ed8");
  const ratio = /^#[0-9a-f]{6}$/i.test(colour) ? contrastRatio(colour, "#ffffff") : 0;
  return (
    <StepForm action={action} multipart>
      {(s) => {
        const v = { ...defaults, ...s.values };
        const locales = (v.locales ?? "nl,fr,en").split(",");
        return (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor="logo" className="font-semibold">{t("logoLabel")} <span className="font-normal text-zinc-700">({t("optional")})</span></label>
              <p id="logo-hint" className="text-zinc-700">{hasLogo ? t("logoKept") : t("logoHint")}</p>
              <input id="logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp" aria-describedby="logo-hint" className="text-lg" />
              {s.errors.logo && <p className="font-semibold text-red-800">{t(`logoErrors.${s.errors.logo}` as "logoErrors.logoType")}</p>}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor="primaryColor" className="font-semibold">{t("colourLabel")}</label>
              <div className="flex items-center gap-3">
                <input id="primaryColor" name="primaryColor" type="color" value={colour} onChange={(e) => setColour(e.target.value)} aria-describedby="contrast" className="h-12 w-20" />
                <span className="rounded px-4 py-2 font-bold text-white" style={{ backgroundColor: colour }} aria-hidden="true">{t("preview")}</span>
              </div>
              <p id="contrast" aria-live="polite" className={ratio >= MIN_CONTRAST ? "text-green-900" : "font-semibold text-red-800"}>
                {t(ratio >= MIN_CONTRAST ? "contrastOk" : "contrastLow", { ratio, min: MIN_CONTRAST })}
              </p>
              {s.errors.primaryColor && <p className="font-semibold text-red-800">{t("contrastLow", { ratio, min: MIN_CONTRAST })}</p>}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="phone" label={t("phoneLabel")} hint={t("phoneHint")} type="tel" defaultValue={v.phone} error={s.errors.phone} />
              <TextField name="email" label={t("emailLabel")} type="email" optional defaultValue={v.email} error={s.errors.email} />
            </div>
            <fieldset className="flex flex-col gap-2">
              <legend className="font-semibold">{t("localesLabel")}</legend>
              <div className="flex flex-wrap gap-3">
                {LOCALES.map((l) => (
                  <label key={l} className="flex items-center gap-2 rounded border-2 border-zinc-700 bg-white px-3 py-2" lang={l}>
                    <input type="checkbox" name="locales" value={l} defaultChecked={locales.includes(l)} className="h-5 w-5" /> {LOCALE_NAMES[l]}
                  </label>
                ))}
              </div>
              {s.errors.locales && <p className="font-semibold text-red-800">{t("localesError")}</p>}
            </fieldset>
            <SelectField name="defaultLocale" label={t("defaultLocaleLabel")} defaultValue={v.defaultLocale ?? "nl"} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} error={s.errors.defaultLocale} />
          </>
        );
      }}
    </StepForm>
  );
}

type CategoryRow = { key: string; labels: Record<string, string> };

export function CategoriesStep({ action, rows, locales }: { action: Action; rows: CategoryRow[]; locales: string[] }) {
  const t = useTranslations("signup");
  const all: CategoryRow[] = [...rows, ...Array.from({ length: 3 }, () => ({ key: "", labels: {} }))];
  return (
    <StepForm action={action}>
      {(s) => (
        <>
          <p>{t("categoriesIntro")}</p>
          <DataTable caption={t("steps.categories")} card testId="category-rows"
            columns={[t("include"), t("order"), ...locales.map((l) => <span key={l} lang={l}>{LOCALE_NAMES[l as "nl"]}</span>)]}>
              {all.map((row, i) => {
                const v = (field: string, fallback: string) => s.values[`cat.${i}.${field}`] ?? fallback;
                return (
                  <tr key={i} className="border-b border-zinc-200">
                    <td className="p-2">
                      {row.key ? (
                        <input type="checkbox" name={`cat.${i}.include`} defaultChecked={v("include", "on") === "on"} aria-label={t("includeCategory", { name: row.labels[locales[0]] ?? row.key })} className="h-5 w-5" />
                      ) : <span className="text-sm text-zinc-700">{t("newRow")}</span>}
                      <input type="hidden" name={`cat.${i}.key`} value={row.key} />
                    </td>
                    <td className="p-2">
                      <input name={`cat.${i}.position`} defaultValue={v("position", String(i + 1))} inputMode="numeric" aria-label={t("orderOf", { n: i + 1 })} className="w-16 rounded border-2 border-zinc-700 px-2 py-1" />
                    </td>
                    {locales.map((l) => (
                      <td key={l} className="p-2">
                        <input name={`cat.${i}.label.${l}`} size={14} defaultValue={v(`label.${l}`, row.labels[l] ?? "")} aria-label={t("labelIn", { n: i + 1, language: LOCALE_NAMES[l as "nl"] })}
                          aria-invalid={!!s.errors[`cat.${i}.label.${l}`]} className="w-full rounded border-2 border-zinc-700 px-2 py-1 aria-invalid:border-red-700" />
                      </td>
                    ))}
                  </tr>
                );
              })}
          </DataTable>
        </>
      )}
    </StepForm>
  );
}

export function AreasStep({ action, defaults }: { action: Action; defaults: Defaults }) {
  const t = useTranslations("signup");
  return (
    <StepForm action={action}>
      {(s) => (
        <TextField name="areas" label={t("areasLabel")} hint={t("areasHint")} multiline optional defaultValue={s.values.areas ?? defaults.areas} error={s.errors.areas} />
      )}
    </StepForm>
  );
}

export function AdminStep({ action, defaults }: { action: Action; defaults: Defaults }) {
  const t = useTranslations("signup");
  return (
    <StepForm action={action}>
      {(s) => {
        const v = { ...defaults, ...s.values };
        return (
          <>
            <p>{t("adminIntro")}</p>
            <TextField name="adminName" label={t("adminNameLabel")} autoComplete="name" defaultValue={v.adminName} error={s.errors.adminName} />
            <TextField name="adminEmail" label={t("adminEmailLabel")} type="email" autoComplete="email" defaultValue={v.adminEmail} error={s.errors.adminEmail} />
          </>
        );
      }}
    </StepForm>
  );
}

export function PlanStep({ action, billing, price, summary }: { action: Action; billing: boolean; price: { year: string; resident: string }; summary: [string, string][] }) {
  const t = useTranslations("signup");
  const tl = useTranslations("legal");
  const format = useFormatter();
  const link = (href: string) => (chunks: ReactNode) => <a href={href} target="_blank" className="font-semibold text-blue-900 underline">{chunks}</a>;
  return (
    <StepForm action={action} last={t("create")}>
      {(s) => (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded bg-white p-4 shadow-sm" data-testid="summary">
            {summary.map(([k, v]) => (
              <Fragment key={k}><dt className="font-semibold">{k}</dt><dd>{v}</dd></Fragment>
            ))}
          </dl>
          {billing ? (
            <RadioGroup name="plan" label={t("planLabel")} defaultValue={s.values.plan ?? "FREE"} error={s.errors.plan}
              options={[{ value: "FREE", label: t("planFree") }, { value: "PAID", label: t("planPaidPrice", { price: price.year, perResident: price.resident }) }]} />
          ) : (
            <p className="rounded border-2 border-blue-900 bg-white p-3" data-testid="billing-off">{t("billingOff")}</p>
          )}
          <p>{tl.rich("acceptDocuments", { terms: link("/legal/terms"), dpa: link("/legal/dpa") })}</p>
          <CheckboxField name="acceptTerms" label={tl("acceptLabel", { version: format.dateTime(documentDate(LEGAL_VERSIONS.TERMS), { dateStyle: "long" }) })}
            defaultChecked={s.values.acceptTerms === "on"} error={s.errors.acceptTerms} />
        </>
      )}
    </StepForm>
  );
}
