"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { WhenFields } from "@/components/requests/when-fields";
import { AGE_GROUPS, RECURRENCES, URGENCIES } from "@/lib/requests/schemas";
import type { WhenForm } from "@/lib/when/when";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function PublishForm({ action, summary, published }: { action: Action; summary: string; published: boolean }) {
  const t = useTranslations("requestDetail");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="publicSummary" label={t("publicSummaryLabel")} hint={t("publicSummaryHint")} multiline defaultValue={state.values.publicSummary ?? summary} error={state.errors.publicSummary} />
      <SubmitButton pending={pending}>{published ? t("updateSummary") : t("publishButton")}</SubmitButton>
    </form>
  );
}

export function StatusForm({ action, targets }: { action: Action; targets: string[] }) {
  const t = useTranslations("requestDetail");
  const te = useTranslations("enums");
  const [state, run, pending] = useActionState(action, emptyForm);
  if (targets.length === 0) return null;
  return (
    <form action={run} className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <div className="flex flex-wrap gap-2">
        {targets.map((s) => (
          <button key={s} type="submit" name="status" value={s} disabled={pending} className="rounded border-2 border-brand bg-white px-3 py-2 font-bold text-brand">
            {t("statusTo", { status: te(`status.${s}` as "status.NEW") })}
          </button>
        ))}
      </div>
    </form>
  );
}

export function TriageForm({ action, values }: { action: Action; values: { urgency: string; ageGroup: string; recurrence: string } & WhenForm }) {
  const t = useTranslations("intake");
  const te = useTranslations("enums");
  const td = useTranslations("requestDetail");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="urgency" label={t("urgencyLabel")} defaultValue={values.urgency} options={URGENCIES.map((u) => ({ value: u, label: te(`urgency.${u}`) }))} />
        <SelectField name="ageGroup" label={t("ageGroupLabel")} defaultValue={values.ageGroup} options={AGE_GROUPS.map((a) => ({ value: a, label: te(`ageGroup.${a}`) }))} />
        <SelectField name="recurrence" label={t("recurrenceLabel")} defaultValue={values.recurrence} options={RECURRENCES.map((r) => ({ value: r, label: te(`recurrence.${r}`) }))} />
      </div>
      <WhenFields values={{ ...values, ...state.values }} errors={state.errors} note={false} />
      <SubmitButton pending={pending}>{td("saveTriage")}</SubmitButton>
    </form>
  );
}

export function NoteForm({ action }: { action: Action }) {
  const t = useTranslations("requestDetail");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-3">
      <TextField key={state.values.body === undefined ? "reset" : "typed"} name="body" label={t("noteLabel")} multiline defaultValue={state.values.body} error={state.errors.body} />
      <SubmitButton pending={pending}>{t("addNote")}</SubmitButton>
    </form>
  );
}
