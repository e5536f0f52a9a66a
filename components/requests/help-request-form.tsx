"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SubmitButton } from "@/components/forms/fields";
import { SubmissionKeyField } from "@/components/forms/submission-key-field";
import { RequestFields, type CategoryOption } from "@/components/requests/request-fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { submitHelpRequest } from "@/lib/requests/actions";

export function HelpRequestForm({ categories, town, submissionKey }: { categories: CategoryOption[]; town: string; submissionKey: string }) {
  const t = useTranslations("request");
  const [state, action, pending] = useActionState<FormState, FormData>(submitHelpRequest, emptyForm);
  return (
    <form action={action} noValidate className="flex max-w-2xl flex-col gap-5">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <SubmissionKeyField value={submissionKey} />
      <RequestFields state={state} categories={categories} variant="resident" />
      {/* Honeypot: hidden from people and assistive technology, filled by bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t("honeypotLabel")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <CheckboxField name="consent" label={t("consentLabel", { town })} defaultChecked={state.values.consent === "on"} error={state.errors.consent} />
      <p className="text-zinc-700">{t("privacyNote")}</p>
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
