"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormErrorSummary, SelectField, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";
import { MAX_TRIAL_EXTENSION_DAYS, PLANS } from "@/lib/platform/schemas";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function SuspendForm({ action, town }: { action: Action; town: string }) {
  const t = useTranslations("platform.town");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="reason" label={t("reasonLabel")} hint={t("reasonHint")} multiline defaultValue={state.values.reason} error={state.errors.reason} />
      <SubmitButton pending={pending}>{t("suspendButton", { town })}</SubmitButton>
    </form>
  );
}

export function ReactivateForm({ action, town }: { action: Action; town: string }) {
  const t = useTranslations("platform.town");
  const [, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-3">
      <SubmitButton pending={pending}>{t("reactivateButton", { town })}</SubmitButton>
    </form>
  );
}

export function PlanForm({ action, plan }: { action: Action; plan: string }) {
  const t = useTranslations("platform");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <SelectField
        name="plan" label={t("town.planLabel")} defaultValue={state.values.plan ?? plan} error={state.errors.plan}
        options={PLANS.map((p) => ({ value: p, label: t(`plan.${p}`) }))}
      />
      <SubmitButton pending={pending}>{t("town.planButton")}</SubmitButton>
    </form>
  );
}

/** The days field mirrors TextField, but its one error message lives under `platform.errors` (see lib/platform/schemas.ts). */
export function TrialForm({ action }: { action: Action }) {
  const t = useTranslations("platform");
  const [state, run, pending] = useActionState(action, emptyForm);
  const error = state.errors.days;
  return (
    <form action={run} noValidate className="flex flex-col gap-3">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <div className="flex flex-col gap-1">
        <label htmlFor="days" className="font-semibold">{t("town.daysLabel")}</label>
        <p id="days-hint" className="text-zinc-700">{t("town.daysHint", { max: MAX_TRIAL_EXTENSION_DAYS })}</p>
        <input
          id="days" name="days" type="number" inputMode="numeric" min={1} max={MAX_TRIAL_EXTENSION_DAYS} step={1} required
          defaultValue={state.values.days} aria-invalid={!!error} aria-describedby={error ? "days-hint days-error" : "days-hint"}
          className="w-32 rounded border-2 border-zinc-700 bg-white px-3 py-2 text-lg aria-invalid:border-red-700"
        />
        {error && <p id="days-error" className="font-semibold text-red-800">{t("errors.daysRange", { max: MAX_TRIAL_EXTENSION_DAYS })}</p>}
      </div>
      <SubmitButton pending={pending}>{t("town.trialButton")}</SubmitButton>
    </form>
  );
}
