"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { saveOrganisationAction, postVacancyAction } from "@/lib/organisations/actions";
import { SKILLS } from "@/lib/matching/criteria";

export function OrganisationForm({ organisation }: { organisation?: { name: string; description: string } }) {
  const t = useTranslations("organisation");
  const [state, run, pending] = useActionState<FormState, FormData>(saveOrganisationAction, emptyForm);
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="name" label={t("nameLabel")} defaultValue={state.values.name ?? organisation?.name} error={state.errors.name} />
      <TextField name="description" label={t("descriptionLabel")} multiline optional defaultValue={state.values.description ?? organisation?.description} error={state.errors.description} />
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}

export function VacancyForm() {
  const t = useTranslations("organisation");
  const tv = useTranslations("volunteer");
  const [state, run, pending] = useActionState<FormState, FormData>(postVacancyAction, emptyForm);
  return (
    <form action={run} noValidate className="flex max-w-2xl flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="title" id="vacancy-title" label={t("titleLabel")} defaultValue={state.values.title} error={state.errors.title} />
      <TextField name="description" id="vacancy-description" label={t("vacancyDescriptionLabel")} multiline defaultValue={state.values.description} error={state.errors.description} />
      <TextField name="places" label={t("placesLabel")} type="number" defaultValue={state.values.places ?? "1"} error={state.errors.places} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">{t("skillsLabel")}</legend>
        <div className="flex flex-wrap gap-2">
          {SKILLS.map((s) => (
            <label key={s} className="flex items-center gap-2 rounded border-2 border-zinc-700 bg-white px-3 py-2">
              <input type="checkbox" name="skills" value={s} className="h-5 w-5" /> {tv(`skills.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending}>{t("post")}</SubmitButton>
    </form>
  );
}
