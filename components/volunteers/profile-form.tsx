"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { saveProfileAction } from "@/lib/volunteers/actions";
import { SKILLS, SPOKEN_LANGUAGES } from "@/lib/matching/criteria";
import { DAYS, PARTS } from "@/lib/when/slots";

type Profile = { name: string; phone: string; postcode: string; maxDistanceKm: number; categoryIds: string[]; languages: string[]; availability: string[]; skills: string[] };

function CheckboxGroup(props: { name: string; legend: string; options: { value: string; label: string }[]; checked: string[]; error?: string }) {
  const t = useTranslations("form");
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend className="mb-1 font-semibold">{props.legend}</legend>
      <div className="flex flex-wrap gap-2">
        {props.options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 rounded border-2 border-zinc-700 bg-white px-3 py-2 has-checked:border-brand has-checked:font-bold">
            <input type="checkbox" name={props.name} value={o.value} defaultChecked={props.checked.includes(o.value)} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
      {props.error && <p id={`${props.name}-error`} className="font-semibold text-red-800">{t(`errors.${props.error}` as "errors.required")}</p>}
    </fieldset>
  );
}

/** Registration and editing of a volunteer profile in one town. */
export function VolunteerProfileForm({ categories, profile, townName }: { categories: { id: string; label: string }[]; profile?: Profile; townName: string }) {
  const t = useTranslations("volunteer");
  const [state, action, pending] = useActionState<FormState, FormData>(saveProfileAction, emptyForm);
  const v = state.values;
  const picked = (key: keyof Profile) => (v[key] !== undefined ? v[key].split(",").filter(Boolean) : ((profile?.[key] as string[] | undefined) ?? []));
  const value = (key: keyof Profile) => v[key] ?? (profile ? String(profile[key]) : undefined);
  return (
    <form action={action} noValidate className="flex max-w-3xl flex-col gap-5">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="name" label={t("nameLabel")} autoComplete="name" defaultValue={value("name")} error={state.errors.name} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="phone" label={t("phoneLabel")} type="tel" inputMode="tel" autoComplete="tel" defaultValue={value("phone")} error={state.errors.phone} />
        <TextField name="postcode" label={t("postcodeLabel")} autoComplete="postal-code" defaultValue={value("postcode")} error={state.errors.postcode} />
        <TextField name="maxDistanceKm" label={t("distanceLabel")} type="number" inputMode="text" defaultValue={value("maxDistanceKm") ?? "3"} error={state.errors.maxDistanceKm} />
      </div>
      <CheckboxGroup name="categoryIds" legend={t("categoriesLabel")} options={categories.map((c) => ({ value: c.id, label: c.label }))} checked={picked("categoryIds")} error={state.errors.categoryIds} />
      <CheckboxGroup name="languages" legend={t("languagesLabel")} options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} checked={picked("languages")} error={state.errors.languages} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{t("availabilityLabel")}</legend>
        {/* A week does not fit every phone in every language: the grid scrolls on its own, the page does not. */}
        <div className="relative min-w-0 max-w-full overflow-x-auto">
        <table className="w-max border-collapse bg-white text-center">
          <thead>
            <tr><td />{DAYS.map((d) => <th key={d} scope="col" className="p-1 font-semibold">{t(`days.${d}`)}</th>)}</tr>
          </thead>
          <tbody>
            {PARTS.map((p) => (
              <tr key={p}>
                <th scope="row" className="p-1 text-left font-semibold">{t(`parts.${p}`)}</th>
                {DAYS.map((d) => (
                  <td key={d} className="p-1">
                    <input type="checkbox" name="availability" value={`${d}_${p}`} defaultChecked={picked("availability").includes(`${d}_${p}`)}
                      aria-label={`${t(`days.${d}`)} ${t(`parts.${p}`)}`} className="h-5 w-5" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </fieldset>
      <CheckboxGroup name="skills" legend={t("skillsLabel")} options={SKILLS.map((s) => ({ value: s, label: t(`skills.${s}`) }))} checked={picked("skills")} />
      <section aria-labelledby="coc" className="rounded border-2 border-zinc-300 bg-white p-4">
        <h2 id="coc" className="text-lg font-bold">{t("codeTitle", { town: townName })}</h2>
        <ul className="list-disc pl-6">
          <li>{t("code1")}</li><li>{t("code2")}</li><li>{t("code3")}</li><li>{t("code4")}</li>
        </ul>
      </section>
      <CheckboxField name="codeOfConduct" label={t("codeAccept")} defaultChecked={!!profile || v.codeOfConduct === "on"} error={state.errors.codeOfConduct} />
      <SubmitButton pending={pending}>{profile ? t("saveProfile") : t("register")}</SubmitButton>
    </form>
  );
}
