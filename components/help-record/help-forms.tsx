"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** A volunteer's hours and visits on one finished assignment. */
export function HelpLogForm({ action, id, defaults }: { action: Action; id: string; defaults: { hours: string; visits: string; day: string } }) {
  const t = useTranslations("helpRecord");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-2" data-testid="help-log-form">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="hours" id={`hours-${id}`} label={t("hoursLabel")} inputMode="text" defaultValue={state.values.hours ?? defaults.hours} error={state.errors.hours} />
        <TextField name="visits" id={`visits-${id}`} label={t("visitsLabel")} inputMode="numeric" defaultValue={state.values.visits ?? defaults.visits} error={state.errors.visits} />
        <TextField name="day" id={`day-${id}`} label={t("dayLabel")} type="date" defaultValue={state.values.day ?? defaults.day} error={state.errors.day} />
      </div>
      <SubmitButton pending={pending}>{t("log")}</SubmitButton>
    </form>
  );
}

/** A coordinator confirms or rejects a log. */
export function HelpDecisionForm({ action }: { action: Action }) {
  const t = useTranslations("helpRecord");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} className="flex flex-wrap items-center gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <button type="submit" name="decision" value="confirm" disabled={pending} className="rounded bg-brand px-3 py-1 font-bold text-white">{t("confirm")}</button>
      <button type="submit" name="decision" value="reject" disabled={pending} className="rounded border-2 border-brand bg-white px-3 py-1 font-semibold text-brand">{t("reject")}</button>
    </form>
  );
}
