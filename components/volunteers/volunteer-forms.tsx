"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, FormErrorSummary, SubmitButton, TextField } from "@/components/forms/fields";
import { emptyForm, type FormState } from "@/lib/forms/state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** "I can help" with an optional short message; or the offer's current state. */
export function RespondForm({ action, id }: { action: Action; id: string }) {
  const t = useTranslations("volunteer");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="message" id={`message-${id}`} label={t("messageLabel")} optional defaultValue={state.values.message} error={state.errors.message} autoComplete="off" />
      <SubmitButton pending={pending}>{t("canHelp")}</SubmitButton>
    </form>
  );
}

export function SimpleActionButton({ action, label, variant = "secondary" }: { action: Action; label: string; variant?: "secondary" | "primary" }) {
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <button type="submit" disabled={pending} className={variant === "primary" ? "self-start rounded bg-brand px-4 py-2 font-bold text-white" : "self-start rounded border-2 border-brand bg-white px-3 py-1 font-semibold text-brand"}>
        {label}
      </button>
    </form>
  );
}

/** After the job: done, with optional feedback or a problem for the coordinator. */
export function DoneForm({ action, id }: { action: Action; id: string }) {
  const t = useTranslations("volunteer");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} noValidate className="flex flex-col gap-2">
      <FormErrorSummary errors={state.errors} formError={state.formError} />
      <TextField name="feedback" id={`feedback-${id}`} label={t("feedbackLabel")} optional multiline defaultValue={state.values.feedback} error={state.errors.feedback} />
      <CheckboxField name="problem" id={`problem-${id}`} label={t("problemLabel")} optional />
      <SubmitButton pending={pending}>{t("markDone")}</SubmitButton>
    </form>
  );
}

export function DeleteProfileForm({ action }: { action: Action }) {
  const t = useTranslations("volunteer");
  const [state, run, pending] = useActionState(action, emptyForm);
  return (
    <form action={run} className="flex flex-col gap-2">
      <CheckboxField name="confirm" label={t("deleteConfirm")} error={state.errors.confirm} />
      <button type="submit" disabled={pending} className="self-start rounded bg-red-800 px-4 py-2 font-bold text-white">{t("deleteProfile")}</button>
    </form>
  );
}
